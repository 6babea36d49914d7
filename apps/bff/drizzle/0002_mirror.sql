CREATE TABLE "mirror_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mirror_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"company_id" text NOT NULL,
	"connection_id" text,
	"platform_key" text,
	"from_status" text,
	"to_status" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"detail" jsonb,
	CONSTRAINT "mirror_changes_source" CHECK ("mirror_changes"."source" in ('sync', 'webhook'))
);
--> statement-breakpoint
CREATE TABLE "mirror_companies" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_normalised" text NOT NULL,
	"description" text,
	"merchant_id" text,
	"tags" jsonb NOT NULL,
	"created" text,
	"created_at" timestamp with time zone,
	"last_sync" text,
	"last_sync_at" timestamp with time zone,
	"search_text" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"sync_digest" text
);
--> statement-breakpoint
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
	CONSTRAINT "mirror_company_months_month_company_id_pk" PRIMARY KEY("month","company_id")
);
--> statement-breakpoint
CREATE TABLE "mirror_connection_errors" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mirror_connection_errors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"connection_id" text NOT NULL,
	"company_id" text NOT NULL,
	"platform_key" text,
	"fingerprint" text NOT NULL,
	"group_id" text NOT NULL,
	"status_code" text,
	"status_text" text,
	"error_message" text,
	"errored_on_utc" text,
	"errored_at" timestamp with time zone,
	"status" text,
	"resolved_on_utc" text,
	"resolved_at" timestamp with time zone,
	"active" boolean NOT NULL,
	"gone" boolean NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"inactive_since" timestamp with time zone
);
--> statement-breakpoint
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
	CONSTRAINT "mirror_connection_months_month_connection_id_pk" PRIMARY KEY("month","connection_id")
);
--> statement-breakpoint
CREATE TABLE "mirror_connections" (
	"id" text PRIMARY KEY NOT NULL,
	"company_id" text NOT NULL,
	"integration_id" text NOT NULL,
	"platform_key" text,
	"platform_name" text NOT NULL,
	"source_type" text NOT NULL,
	"status" text NOT NULL,
	"created" text,
	"created_at" timestamp with time zone,
	"last_sync" text,
	"sandbox" boolean NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mirror_lease" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mirror_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid,
	"author_email" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mirror_notes_target_type" CHECK ("mirror_notes"."target_type" in ('error-group', 'connection'))
);
--> statement-breakpoint
CREATE TABLE "mirror_reports" (
	"month" text NOT NULL,
	"rule" text NOT NULL,
	"last_day" date NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"body" jsonb NOT NULL,
	CONSTRAINT "mirror_reports_month_rule_pk" PRIMARY KEY("month","rule")
);
--> statement-breakpoint
CREATE TABLE "mirror_snapshot_counts" (
	"day" date NOT NULL,
	"status" text NOT NULL,
	"platform_key" text NOT NULL,
	"source_type" text NOT NULL,
	"sandbox" boolean NOT NULL,
	"connections" integer NOT NULL,
	"companies" integer NOT NULL,
	CONSTRAINT "mirror_snapshot_counts_day_status_platform_key_source_type_pk" PRIMARY KEY("day","status","platform_key","source_type")
);
--> statement-breakpoint
CREATE TABLE "mirror_snapshot_days" (
	"day" date PRIMARY KEY NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"run_id" bigint NOT NULL,
	"companies" integer NOT NULL,
	"companies_without_connections" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mirror_sync_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mirror_sync_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"holder" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"page_size" integer NOT NULL,
	"last_page" integer NOT NULL,
	"total_results" integer,
	"pages" integer NOT NULL,
	"companies" integer NOT NULL,
	"connections" integer NOT NULL,
	"changes" integer NOT NULL,
	"deleted_companies" integer NOT NULL,
	"resumed_count" integer NOT NULL,
	"errors" jsonb NOT NULL,
	CONSTRAINT "mirror_sync_runs_status" CHECK ("mirror_sync_runs"."status" in ('running', 'interrupted', 'completed', 'abandoned'))
);
--> statement-breakpoint
CREATE TABLE "mirror_sync_seen" (
	"run_id" bigint NOT NULL,
	"company_id" text NOT NULL,
	CONSTRAINT "mirror_sync_seen_run_id_company_id_pk" PRIMARY KEY("run_id","company_id")
);
--> statement-breakpoint
CREATE INDEX "mirror_changes_company" ON "mirror_changes" USING btree ("company_id","occurred_at");--> statement-breakpoint
CREATE INDEX "mirror_changes_transitions" ON "mirror_changes" USING btree ("occurred_at") WHERE "mirror_changes"."kind" = 'connection.status';--> statement-breakpoint
CREATE INDEX "mirror_companies_name" ON "mirror_companies" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "mirror_companies_created" ON "mirror_companies" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "mirror_companies_last_sync" ON "mirror_companies" USING btree ("last_sync_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "mirror_connection_errors_identity" ON "mirror_connection_errors" USING btree ("connection_id","fingerprint");--> statement-breakpoint
CREATE INDEX "mirror_connection_errors_active_group" ON "mirror_connection_errors" USING btree ("group_id","company_id") WHERE "mirror_connection_errors"."active";--> statement-breakpoint
CREATE INDEX "mirror_connection_errors_group_time" ON "mirror_connection_errors" USING btree ("group_id","errored_at");--> statement-breakpoint
CREATE INDEX "mirror_connection_errors_company" ON "mirror_connection_errors" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "mirror_connection_errors_time" ON "mirror_connection_errors" USING btree ("errored_at");--> statement-breakpoint
CREATE INDEX "mirror_connection_months_company" ON "mirror_connection_months" USING btree ("month","company_id");--> statement-breakpoint
CREATE INDEX "mirror_connections_company" ON "mirror_connections" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "mirror_connections_status" ON "mirror_connections" USING btree ("status","company_id") WHERE "mirror_connections"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "mirror_connections_platform" ON "mirror_connections" USING btree ("platform_key","company_id") WHERE "mirror_connections"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "mirror_notes_target" ON "mirror_notes" USING btree ("target_type","target_id","created_at");--> statement-breakpoint
CREATE INDEX "mirror_sync_runs_started" ON "mirror_sync_runs" USING btree ("started_at");