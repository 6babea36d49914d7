import { sql, type SQL } from 'drizzle-orm';

/**
 * Which connections count as "billable candidates" in a month, from the daily snapshots. Sandbox
 * integrations (codat/sandbox-platforms.ts) are never billable. Chosen with `BILLABLE_RULE`; every
 * report states the rule it used. Confirm the right one against the Codat contract.
 */
export const BILLABLE_RULES = {
  'linked-any-time': 'Linked on at least one daily snapshot of the month; sandbox integrations excluded.',
  'linked-at-month-end': "Linked on the month's last daily snapshot; sandbox integrations excluded.",
  'linked-all-month': 'Linked on every daily snapshot of the month on which it existed; sandbox integrations excluded.',
} as const;
export type BillableRule = keyof typeof BILLABLE_RULES;
export const BILLABLE_RULE_KEYS = Object.keys(BILLABLE_RULES) as [BillableRule, ...BillableRule[]];
export const DEFAULT_BILLABLE_RULE: BillableRule = 'linked-any-time';

/** The rule as SQL over `mirror_connection_months m`; `lastDay` is the month's last snapshot day. */
export function billablePredicate(rule: BillableRule, lastDay: string): SQL {
  const linked = {
    'linked-any-time': sql`m.days_linked > 0`,
    'linked-at-month-end': sql`(m.last_day = ${lastDay}::date and m.last_status = 'Linked')`,
    'linked-all-month': sql`(m.days_linked > 0 and m.days_linked = m.days_seen)`,
  }[rule];
  return sql`(not m.sandbox and ${linked})`;
}

export function describeRule(rule: BillableRule) {
  return { key: rule, description: BILLABLE_RULES[rule] };
}
