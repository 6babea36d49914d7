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

/** The report's month and billable rule, kept in the URL (#/reports/connection-counts?month=…&rule=…). */
export function useReportParams(): ReportParams {
  const { search, pathname } = useLocation();
  const navigate = useNavigate();
  const params = new URLSearchParams(search);
  const requested = params.get('month');
  const month = isMonth(requested) ? requested : currentMonth();
  const rule = params.get('rule');
  const chosen = isRule(rule) ? rule : undefined;
  const query = new URLSearchParams({ month, ...(chosen ? { rule: chosen } : {}) }).toString();
  return {
    month,
    rule: chosen,
    query,
    set(changes) {
      const next = new URLSearchParams({ month: changes.month ?? month, ...((changes.rule ?? chosen) ? { rule: changes.rule ?? chosen! } : {}) });
      navigate(`${pathname}?${next.toString()}`);
    },
  };
}
