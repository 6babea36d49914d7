import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../test/mirror.js';
import { startStack, type Stack } from '../../test/stack.js';
import { rows } from '../mirror/db/sql.js';
import { findDuplicateGroupsInPieces, refreshDuplicateGroups } from './duplicates.js';
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
async function keptGroups(db = stack.db): Promise<Map<string, { companyIds: string[]; version: string }>> {
  const kept = await rows<{ id: string; companyIds: string[]; version: string }>(
    db,
    sql`select reason || ':' || key as id, company_ids as "companyIds", xmin::text as version from mirror_duplicate_groups`,
  );
  return new Map(kept.map(({ id, ...group }) => [id, group]));
}

/** The groups a sync kept are every group there is: finding them all again (in a transaction rolled back) writes none. */
async function expectAllFound(): Promise<void> {
  const kept = await keptGroups();
  const rolledBack = new Error('rolled back');
  let again: Awaited<ReturnType<typeof keptGroups>> | undefined;
  await stack.db
    .transaction(async (tx) => {
      await refreshDuplicateGroups(tx as unknown as typeof stack.db);
      again = await keptGroups(tx as unknown as typeof stack.db);
      throw rolledBack;
    })
    .catch((error: unknown) => expect(error).toBe(rolledBack));
  expect(again).toEqual(kept);
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
    await expectAllFound();
  });

  it("the next day's first sync finds again the groups changed since the day before", async () => {
    const [first, , third] = F.duplicateCustomer.companyIds;
    const harbourside = `sameName:${normaliseName(F.duplicateCustomer.name)}`;
    expect((await keptGroups()).get(harbourside)?.companyIds).toEqual([first, third]);
    const triplet = await stack.deps.codat.companies.create({ name: 'Quayside Ropeworks Ltd' });
    // Renamed: the group of its old name is found again, without it (and so no longer a group).
    await stack.deps.codat.companies.update(third!, { name: 'Harbourside Chandlery' });
    const single = [...stack.emu.store.connections.values()].find((connection) => stack.emu.store.companies.get(connection.companyId)?.connectionIds.length === 1)!;
    const second = await stack.deps.codat.connections.create(single.companyId, { platformKey: single.integrationKey });
    stack.emu.clock.advance(86_400_000);
    await syncOnce(syncContext(stack));

    const after = await keptGroups();
    expect(after.get(`sameName:${normaliseName('Quayside Ropeworks')}`)?.companyIds).toContain(triplet.id);
    expect(after.get(`samePlatform:${single.companyId}:${single.integrationKey}`)?.companyIds).toEqual([single.companyId]);
    expect(after.has(harbourside)).toBe(false);
    await expectAllFound();

    // The second connection gone the day after: the company's group goes with it.
    await stack.deps.codat.connections.delete(single.companyId, second.id);
    stack.emu.clock.advance(86_400_000);
    await syncOnce(syncContext(stack));
    expect((await keptGroups()).has(`samePlatform:${single.companyId}:${single.integrationKey}`)).toBe(false);
    await expectAllFound();
  });

  it('a sync that finds nothing new writes nothing', async () => {
    const before = await keptGroups();
    await syncOnce(syncContext(stack));
    expect(await keptGroups()).toEqual(before);
  });

  it("found in pieces, as a first load finds them, the groups are those found whole, and the pieces' stale ones are gone", async () => {
    const singles = [...stack.emu.store.connections.values()].filter((connection) => stack.emu.store.companies.get(connection.companyId)?.connectionIds.length === 1).slice(0, 6);
    for (const single of singles) await stack.deps.codat.connections.create(single.companyId, { platformKey: single.integrationKey });
    await syncOnce(syncContext(stack));
    const whole = await keptGroups();
    const companyIds = (groups: typeof whole) => new Map([...groups].map(([id, group]) => [id, group.companyIds]));
    expect([...whole.keys()].filter((id) => id.startsWith('samePlatform:'))).toHaveLength(singles.length);
    await stack.db.execute(sql`delete from mirror_duplicate_groups where reason = 'samePlatform' or key like 'q%'`);
    await stack.db.execute(sql`insert into mirror_duplicate_groups (reason, key, company_ids) values
      ('merchantId', 'M-gone', array['a', 'b']), ('sameName', 'gone name', array['a', 'b']), ('samePlatform', 'gone-company:qbo', array['gone-company'])`);
    await findDuplicateGroupsInPieces(stack.db, new Date(stack.deps.now()), async () => undefined);
    expect(companyIds(await keptGroups())).toEqual(companyIds(whole));
  });
});
