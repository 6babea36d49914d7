-- A month's rows nearly all share their last snapshot day (every row of a reconstructed month, most
-- of a real one): without this the planner multiplies the two conditions as if independent, expects
-- a few thousand of a month's 200,000 rows where there are all of them, and joins month to month
-- by one index lookup per row (month-over-month changes, reports/month-changes.ts).
CREATE STATISTICS "mirror_connection_months_month_last_day" (dependencies) ON "month", "last_day" FROM "mirror_connection_months";
