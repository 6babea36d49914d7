DROP INDEX "mirror_companies_updated";--> statement-breakpoint
ALTER TABLE "mirror_companies" ADD COLUMN "reshaped_at" timestamp with time zone;--> statement-breakpoint
-- Rows written before it: their last write stands for their last reshaping (at worst one more replacement).
UPDATE "mirror_companies" SET "reshaped_at" = "updated_at";--> statement-breakpoint
ALTER TABLE "mirror_companies" ALTER COLUMN "reshaped_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "mirror_companies_reshaped" ON "mirror_companies" USING btree ("reshaped_at");
