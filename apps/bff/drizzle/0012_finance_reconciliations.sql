CREATE TABLE "finance_reconciliations" (
	"month" text NOT NULL,
	"rule" text NOT NULL,
	"inputs" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"body" jsonb NOT NULL,
	CONSTRAINT "finance_reconciliations_month_rule_pk" PRIMARY KEY("month","rule")
);
