ALTER TABLE "mirror_company_months" ADD COLUMN "platform_names" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
UPDATE "mirror_company_months" m SET "platform_names" = x."names"
FROM (SELECT "month", "company_id", array_agg(DISTINCT "platform_name" ORDER BY "platform_name") AS "names" FROM "mirror_connection_months" GROUP BY "month", "company_id") x
WHERE x."month" = m."month" AND x."company_id" = m."company_id";
