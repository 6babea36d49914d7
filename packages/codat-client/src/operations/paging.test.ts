import { describe, expect, it } from 'vitest';
import type { Page } from '../schemas/common.js';
import { walkPages, type ListParams } from './paging.js';

/** A fake list endpoint over `total` numbered items that caps the page size like Codat's envelope. */
function endpoint(total: number, maxPageSize = 2000) {
  const asked: ListParams[] = [];
  const fetchPage = async (params: ListParams): Promise<Page<number>> => {
    asked.push(params);
    const pageSize = Math.min(params.pageSize ?? 100, maxPageSize);
    const page = params.page ?? 1;
    const results = Array.from({ length: total }, (_, i) => i).slice(
      (page - 1) * pageSize,
      page * pageSize,
    );
    return { results, pageNumber: page, pageSize, totalResults: total };
  };
  return { asked, fetchPage };
}

async function collect(
  params: ListParams,
  fetchPage: (params: ListParams) => Promise<Page<number>>,
) {
  const items: number[] = [];
  for await (const page of walkPages(params, fetchPage)) items.push(...page.results);
  return items;
}

describe('walkPages', () => {
  it('walks every page and stops on the last one', async () => {
    const { asked, fetchPage } = endpoint(250);
    const items = await collect({ pageSize: 100, query: 'x' }, fetchPage);
    expect(items).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(asked).toEqual([1, 2, 3].map((page) => ({ pageSize: 100, query: 'x', page })));
  });

  it('reaches the end when the server caps a large pageSize', async () => {
    const { asked, fetchPage } = endpoint(4500);
    expect(await collect({ pageSize: 5000 }, fetchPage)).toHaveLength(4500);
    expect(asked).toHaveLength(3);
  });

  it('starts at the requested page and fetches once when there are no results', async () => {
    const { asked, fetchPage } = endpoint(0);
    expect(await collect({ page: 3 }, fetchPage)).toEqual([]);
    expect(asked).toEqual([{ page: 3 }]);
  });
});
