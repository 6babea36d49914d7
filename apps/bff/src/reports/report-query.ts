import type { Context } from 'hono';
import { z } from 'zod';
import { badRequest } from '../http/api-error.js';
import { BILLABLE_RULE_KEYS, type BillableRule } from './billable-rule.js';
import { currentMonth, monthSchema } from './month.js';

export const reportQuerySchema = z.strictObject({
  month: monthSchema.optional().describe('YYYY-MM; the current UTC month when absent.'),
  rule: z.enum(BILLABLE_RULE_KEYS).optional().describe('The billable rule; the configured BILLABLE_RULE when absent.'),
});

export interface ReportQuery {
  month: string;
  rule: BillableRule;
  /** The month has not ended yet. */
  inProgress: boolean;
}

/** `?month=YYYY-MM&rule=…` beside any list parameters: the current UTC month and the configured rule when absent. */
export function reportQuery(c: Context, now: number, configuredRule: BillableRule): ReportQuery {
  const parsed = reportQuerySchema.safeParse({ month: c.req.query('month'), rule: c.req.query('rule') });
  if (!parsed.success) throw badRequest(`Invalid report query: ${z.prettifyError(parsed.error)}`);
  const today = currentMonth(now);
  const month = parsed.data.month ?? today;
  return { month, rule: parsed.data.rule ?? configuredRule, inProgress: month >= today };
}
