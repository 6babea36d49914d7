CREATE TABLE "company_reservations" (
	"key" text PRIMARY KEY NOT NULL,
	"attempt_id" bigint NOT NULL,
	"company_name" text NOT NULL,
	"company_id" text,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"actor_id" uuid NOT NULL,
	"key" text NOT NULL,
	"route" text NOT NULL,
	"fingerprint" text NOT NULL,
	"state" text NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"attempt_id" bigint,
	"status" integer,
	"content_type" text,
	"body" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_actor_id_key_pk" PRIMARY KEY("actor_id","key")
);
--> statement-breakpoint
CREATE TABLE "open_actions" (
	"attempt_id" bigint PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"target" jsonb NOT NULL,
	"sent" jsonb NOT NULL,
	"actor" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"unknown_since" timestamp with time zone,
	"next_check_at" timestamp with time zone NOT NULL,
	"checks" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_outcome";--> statement-breakpoint
CREATE INDEX "idempotency_keys_created" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "open_actions_next_check" ON "open_actions" USING btree ("next_check_at");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_final_outcome" ON "audit_events" USING btree ("attempt_id") WHERE "audit_events"."outcome" in ('ok', 'refused', 'failed');--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_unknown_outcome" ON "audit_events" USING btree ("attempt_id") WHERE "audit_events"."outcome" = 'unknown';--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_outcome" CHECK ("audit_events"."outcome" in ('attempt', 'ok', 'refused', 'failed', 'unknown'));--> statement-breakpoint
-- Attempts written before this migration that never got an outcome (a replica died mid-action)
-- are resolved like any other open action at the next start.
INSERT INTO "open_actions" ("attempt_id", "action", "target", "sent", "actor", "started_at", "next_check_at")
  SELECT a.id, a.action,
         jsonb_strip_nulls(jsonb_build_object('companyId', a.company_id, 'companyName', a.company_name, 'connectionId', a.connection_id, 'sourceAccountId', a.source_account_id)),
         coalesce(a.details, '{}'::jsonb),
         jsonb_strip_nulls(jsonb_build_object('id', a.actor_id, 'email', a.actor_email, 'role', a.actor_role)),
         a.at, a.at
    FROM "audit_events" a
   WHERE a.outcome = 'attempt' AND NOT EXISTS (SELECT 1 FROM "audit_events" o WHERE o.attempt_id = a.id);
