CREATE TABLE "mirror_duplicate_groups" (
	"reason" text NOT NULL,
	"key" text NOT NULL,
	"company_ids" text[] NOT NULL,
	CONSTRAINT "mirror_duplicate_groups_reason_key_pk" PRIMARY KEY("reason","key")
);
--> statement-breakpoint
-- Filled here once, as reports/duplicates.ts refreshDuplicateGroups fills it after each completed
-- sync, so an existing mirror's report is not empty until the next sync.
INSERT INTO "mirror_duplicate_groups" ("reason", "key", "company_ids")
  SELECT 'merchantId', merchant_id, array_agg(id ORDER BY created_at NULLS LAST, id)
    FROM mirror_companies WHERE deleted_at IS NULL AND merchant_id IS NOT NULL GROUP BY merchant_id HAVING count(*) > 1
  UNION ALL
  SELECT 'sameName', name_normalised, array_agg(id ORDER BY created_at NULLS LAST, id)
    FROM mirror_companies WHERE deleted_at IS NULL AND name_normalised <> '' GROUP BY name_normalised HAVING count(*) > 1
  UNION ALL
  SELECT 'samePlatform', company_id || ':' || platform_key, ARRAY[company_id]
    FROM mirror_connections WHERE deleted_at IS NULL AND platform_key IS NOT NULL GROUP BY company_id, platform_key HAVING count(*) > 1;
