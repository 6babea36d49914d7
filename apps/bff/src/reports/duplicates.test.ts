import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../test/mirror.js';
import { startStack, type Stack } from '../../test/stack.js';
import { rows } from '../mirror/db/sql.js';
import { normaliseName } from '../resources/companies/name-similarity.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ settings: { mirror: TEST_MIRROR_SETTINGS } });
  await syncOnce(syncContext(stack));
});
afterAll(async () => {
  await stack.close();
});

/** The kept groups, each with its row version (xmin changes whenever a row is written). */
async function keptGroups(): Promise<Map<string, { companyIds: string[]; version: string }>> {
  const kept = await rows<{ id: string; companyIds: string[]; version: string }>(
    stack.db,
    sql`select reason || ':' || key as id, company_ids as "companyIds", xmin::text as version from mirror_duplicate_groups`,
  );
  return new Map(kept.map(({ id, ...group }) => [id, group]));
}

describe('possible duplicates kept after each sync', () => {
  it('follow Codat: a new pair appears, a deleted company leaves its groups, the rest is not rewritten', async () => {
    const before = await keptGroups();
    const [first, second, third] = F.duplicateCustomer.companyIds;
    const merchant = `merchantId:${F.duplicateCustomer.merchantId}`;
    const harbourside = `sameName:${normaliseName(F.duplicateCustomer.name)}`;
    const quayside = `sameName:${normaliseName('Quayside Ropeworks')}`;
    expect(before.get(merchant)?.companyIds).toEqual([first, second]);
    expect(before.get(harbourside)?.companyIds).toEqual([first, second, third]);

    const twins = [await stack.deps.codat.companies.create({ name: 'Quayside Ropeworks' }), await stack.deps.codat.companies.create({ name: 'QUAYSIDE ROPEWORKS LIMITED' })];
    await stack.deps.codat.companies.delete(second!);
    await syncOnce(syncContext(stack));

    const after = await keptGroups();
    expect(after.has(merchant)).toBe(false);
    expect(after.get(harbourside)?.companyIds).toEqual([first, third]);
    // Created within one second: ordered by id.
    expect(after.get(quayside)?.companyIds).toEqual(twins.map((company) => company.id).sort());
    const written = [...after.keys()].filter((id) => after.get(id)!.version !== before.get(id)?.version);
    expect(written.sort()).toEqual([harbourside, quayside]);
  });

  it('a sync that finds nothing new writes nothing', async () => {
    const before = await keptGroups();
    await syncOnce(syncContext(stack));
    expect(await keptGroups()).toEqual(before);
  });
});
