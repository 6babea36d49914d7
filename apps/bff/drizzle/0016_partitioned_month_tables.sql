-- The month tables partitioned by month (see src/mirror/db/month-partitions.ts): a day's first
-- snapshot builds the month's rows in a table of its own, in pieces, and swaps it in for the
-- month's partition, instead of rewriting every row of the month in one transaction. The rows are
-- moved as they are, one partition per month they hold.
ALTER TABLE "mirror_connection_months" RENAME TO "mirror_connection_months_0015";--> statement-breakpoint
ALTER TABLE "mirror_connection_months_0015" RENAME CONSTRAINT "mirror_connection_months_month_connection_id_pk" TO "mirror_connection_months_0015_pk";--> statement-breakpoint
ALTER INDEX IF EXISTS "mirror_connection_months_company" RENAME TO "mirror_connection_months_0015_company";--> statement-breakpoint
-- Within one month's partition the month is constant: the dependency it recorded no longer applies.
DROP STATISTICS IF EXISTS "mirror_connection_months_month_last_day";--> statement-breakpoint
ALTER TABLE "mirror_company_months" RENAME TO "mirror_company_months_0015";--> statement-breakpoint
ALTER TABLE "mirror_company_months_0015" RENAME CONSTRAINT "mirror_company_months_month_company_id_pk" TO "mirror_company_months_0015_pk";--> statement-breakpoint
CREATE TABLE "mirror_connection_months" (
	"month" text NOT NULL,
	"connection_id" text NOT NULL,
	"company_id" text NOT NULL,
	"platform_key" text,
	"platform_name" text NOT NULL,
	"source_type" text NOT NULL,
	"sandbox" boolean NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"first_status" text NOT NULL,
	"last_status" text NOT NULL,
	"days_seen" integer NOT NULL,
	"days_linked" integer NOT NULL,
	"previous_status" text,
	"before_last_day" date,
	"before_last_status" text,
	CONSTRAINT "mirror_connection_months_month_connection_id_pk" PRIMARY KEY("month","connection_id")
) PARTITION BY LIST ("month");--> statement-breakpoint
CREATE INDEX "mirror_connection_months_company" ON "mirror_connection_months" USING btree ("month","company_id");--> statement-breakpoint
CREATE TABLE "mirror_company_months" (
	"month" text NOT NULL,
	"company_id" text NOT NULL,
	"connections" integer NOT NULL,
	"linked_at_month_end" integer NOT NULL,
	"billable_linked_any_time" integer NOT NULL,
	"billable_linked_at_month_end" integer NOT NULL,
	"billable_linked_all_month" integer NOT NULL,
	"sandbox_connections" integer NOT NULL,
	"platforms" text[] NOT NULL,
	"platform_names" text[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "mirror_company_months_month_company_id_pk" PRIMARY KEY("month","company_id")
) PARTITION BY LIST ("month");--> statement-breakpoint
DO $$
DECLARE m text;
BEGIN
  FOR m IN SELECT DISTINCT "month" FROM "mirror_connection_months_0015" UNION SELECT DISTINCT "month" FROM "mirror_company_months_0015" LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF "mirror_connection_months" FOR VALUES IN (%L)', 'mirror_connection_months_m' || replace(m, '-', ''), m);
    EXECUTE format('CREATE TABLE %I PARTITION OF "mirror_company_months" FOR VALUES IN (%L)', 'mirror_company_months_m' || replace(m, '-', ''), m);
  END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "mirror_connection_months" ("month", "connection_id", "company_id", "platform_key", "platform_name", "source_type", "sandbox", "first_day", "last_day",
	"first_status", "last_status", "days_seen", "days_linked", "previous_status", "before_last_day", "before_last_status")
SELECT "month", "connection_id", "company_id", "platform_key", "platform_name", "source_type", "sandbox", "first_day", "last_day",
	"first_status", "last_status", "days_seen", "days_linked", "previous_status", "before_last_day", "before_last_status"
FROM "mirror_connection_months_0015";--> statement-breakpoint
INSERT INTO "mirror_company_months" ("month", "company_id", "connections", "linked_at_month_end", "billable_linked_any_time", "billable_linked_at_month_end",
	"billable_linked_all_month", "sandbox_connections", "platforms", "platform_names")
SELECT "month", "company_id", "connections", "linked_at_month_end", "billable_linked_any_time", "billable_linked_at_month_end",
	"billable_linked_all_month", "sandbox_connections", "platforms", "platform_names"
FROM "mirror_company_months_0015";--> statement-breakpoint
DROP TABLE "mirror_connection_months_0015";--> statement-breakpoint
DROP TABLE "mirror_company_months_0015";
