CREATE TABLE "job_items" (
	"job_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"company_id" text NOT NULL,
	"company_name" text,
	"connection_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"attempted_at" timestamp with time zone,
	"audit_attempt_id" bigint,
	"finished_at" timestamp with time zone,
	"result" jsonb,
	CONSTRAINT "job_items_job_id_seq_pk" PRIMARY KEY("job_id","seq"),
	CONSTRAINT "job_items_status" CHECK ("job_items"."status" in ('pending', 'attempted', 'done', 'skipped', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"params" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_id" uuid,
	"created_by_email" text,
	"created_by_role" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"holder" text,
	"lease_expires_at" timestamp with time zone,
	CONSTRAINT "jobs_status" CHECK ("jobs"."status" in ('queued', 'running', 'cancelled', 'completed'))
);
--> statement-breakpoint
CREATE INDEX "job_items_open" ON "job_items" USING btree ("job_id","seq") WHERE "job_items"."status" in ('pending', 'attempted');--> statement-breakpoint
CREATE INDEX "jobs_open" ON "jobs" USING btree ("id") WHERE "jobs"."status" in ('queued', 'running');