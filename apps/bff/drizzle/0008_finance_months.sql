CREATE TABLE "finance_invoice_ids" (
	"month" text NOT NULL,
	"id" text NOT NULL,
	CONSTRAINT "finance_invoice_ids_month_id_pk" PRIMARY KEY("month","id")
);
--> statement-breakpoint
CREATE TABLE "finance_invoices" (
	"month" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"invoiced_count" integer,
	"entered_by_id" uuid,
	"entered_by_email" text,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "finance_invoices_kind" CHECK ("finance_invoices"."kind" in ('count', 'connections', 'companies'))
);
--> statement-breakpoint
CREATE TABLE "finance_month_closes" (
	"month" text PRIMARY KEY NOT NULL,
	"rule" text NOT NULL,
	"snapshot_taken_at" timestamp with time zone NOT NULL,
	"closed_by_id" uuid,
	"closed_by_email" text NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"report" jsonb NOT NULL,
	"reconciliation" jsonb,
	"billable_fingerprint" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mirror_connection_months" ADD COLUMN "before_last_day" date;--> statement-breakpoint
ALTER TABLE "mirror_connection_months" ADD COLUMN "before_last_status" text;--> statement-breakpoint
ALTER TABLE "mirror_snapshot_days" ADD COLUMN "reconstructed" boolean DEFAULT false NOT NULL;