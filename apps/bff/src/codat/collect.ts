import type { Page } from '@console/codat-client';

export interface Collected<T> {
  items: T[];
  /** Codat's count of all matches. */
  total: number;
  /** True when more matched than `limit`. */
  truncated: boolean;
}

/** Walks Codat pages until `limit` items are in hand or the pages run out. */
export async function collectPages<T>(pages: AsyncIterable<Page<T>>, limit: number): Promise<Collected<T>> {
  const items: T[] = [];
  let total = 0;
  for await (const page of pages) {
    total = page.totalResults;
    items.push(...page.results);
    if (items.length >= limit) break;
  }
  return { items: items.slice(0, limit), total, truncated: total > limit };
}
