CREATE SEQUENCE "public"."mirror_connection_change_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "mirror_connections" ADD COLUMN "change_seq" bigint DEFAULT nextval('mirror_connection_change_seq') NOT NULL;--> statement-breakpoint
ALTER TABLE "mirror_snapshot_days" ADD COLUMN "change_seq" bigint;--> statement-breakpoint
CREATE INDEX "mirror_companies_updated" ON "mirror_companies" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "mirror_connections_change_seq" ON "mirror_connections" USING btree ("change_seq");