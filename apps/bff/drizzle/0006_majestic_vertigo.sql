ALTER TABLE "mirror_connection_months" ADD COLUMN "before_last_day" date;--> statement-breakpoint
ALTER TABLE "mirror_connection_months" ADD COLUMN "before_last_status" text;