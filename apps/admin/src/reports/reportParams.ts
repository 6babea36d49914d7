import { useLocation, useNavigate } from 'react-admin';
import { currentMonth, isMonth } from './month';
import { BILLABLE_RULES } from './types';

export interface ReportParams {
  month: string;
  /** The rule finance chose; undefined: the console's configured rule. */
  rule: string | undefined;
  /** `month=…&rule=…` for the BFF's report requests and exports. */
  query: string;
  set(changes: { month?: string; rule?: string }): void;
}

const isRule = (value: string | null): value is string => BILLABLE_RULES.some((rule) => rule.key === value);

/** The month and rule a report URL's query names (`?month=…&rule=…`): by default the current month and the configured rule. */
export function reportParamsOf(search: string): Omit<ReportParams, 'set'> {
  const params = new URLSearchParams(search);
  const requested = params.get('month');
  const month = isMonth(requested) ? requested : currentMonth();
  const rule = params.get('rule');
  const chosen = isRule(rule) ? rule : undefined;
  const query = new URLSearchParams({ month, ...(chosen ? { rule: chosen } : {}) }).toString();
  return { month, rule: chosen, query };
}

/** `?rule=…` for a report's reads and actions, or nothing for the configured rule. */
export const ruleQuery = (rule: string | undefined) => (rule ? `?rule=${rule}` : '');

/** The connection-counts report's reads (under /api), each made by its own part of the screen. */
export const reportPaths = {
  counts: (query: string) => `/reports/connection-counts?${query}`,
  trend: (rule: string | undefined) => `/reports/connection-counts/trend${ruleQuery(rule)}`,
  month: (month: string, rule: string | undefined) => `/reports/months/${month}${ruleQuery(rule)}`,
};

/** The report's month and billable rule, kept in the URL (#/reports/connection-counts?month=…&rule=…). */
export function useReportParams(): ReportParams {
  const { search, pathname } = useLocation();
  const navigate = useNavigate();
  const { month, rule, query } = reportParamsOf(search);
  return {
    month,
    rule,
    query,
    set(changes) {
      const next = new URLSearchParams({ month: changes.month ?? month, ...((changes.rule ?? rule) ? { rule: changes.rule ?? rule! } : {}) });
      navigate(`${pathname}?${next.toString()}`);
    },
  };
}
