ALTER TABLE "mirror_companies" ADD COLUMN "linked_connections" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mirror_connections" ADD COLUMN "active_errors" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Rows written before it are counted once here; every write keeps the counts since (mirror/db/write.ts).
UPDATE "mirror_companies" c SET "linked_connections" = k.count
  FROM (SELECT company_id, count(*)::int AS count FROM mirror_connections WHERE status = 'Linked' AND deleted_at IS NULL GROUP BY company_id) k
  WHERE c.id = k.company_id;--> statement-breakpoint
UPDATE "mirror_connections" k SET "active_errors" = e.count
  FROM (SELECT connection_id, count(*)::int AS count FROM mirror_connection_errors WHERE active GROUP BY connection_id) e
  WHERE k.id = e.connection_id;--> statement-breakpoint
CREATE INDEX "mirror_connections_failing" ON "mirror_connections" USING btree ("company_id") WHERE "mirror_connections"."active_errors" > 0 and "mirror_connections"."status" = 'Linked' and "mirror_connections"."deleted_at" is null;