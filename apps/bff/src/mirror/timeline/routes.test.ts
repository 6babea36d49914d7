import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorControl, syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../../test/mirror.js';
import { STACK_ACCOUNTS, startStack, type Stack } from '../../../test/stack.js';

let stack: Stack;
const timeline = (companyId: string, query = '') => stack.json(`/api/companies/${companyId}/timeline${query}`);

beforeAll(async () => {
  stack = await startStack({ settings: { mirror: { ...TEST_MIRROR_SETTINGS, retentionMonths: 13 } } });
  await syncOnce(syncContext(stack));
});
afterAll(async () => {
  await stack.close();
});

describe('GET /api/companies/:id/timeline', () => {
  it('shows a connection’s status changes and errors, newest first', async () => {
    await emulatorControl(stack, `/connections/${F.duplicateCustomer.connectionId}/deauthorize`);
    await syncOnce(syncContext(stack));
    await emulatorControl(stack, `/connections/${F.duplicateCustomer.connectionId}/authorize`);
    await syncOnce(syncContext(stack));

    const { status, body, headers } = await timeline(F.duplicateCustomer.companyIds[0]);
    expect(status).toBe(200);
    expect(headers.get('x-mirror-refreshed-at')).toBe(body.refreshedAt);
    expect(body).toMatchObject({ companyId: F.duplicateCustomer.companyIds[0], companyName: F.duplicateCustomer.name, deleted: false, retentionMonths: 13 });
    const story = body.entries.map((e: any) => [e.kind, e.fromStatus, e.toStatus, e.statusCode]);
    // Codat's error times are whole seconds, so within the same second the order may vary.
    expect(story.slice(0, 4)).toEqual(
      expect.arrayContaining([
        ['connection.status', 'Deauthorized', 'Linked', null],
        ['error.resolved', null, null, '401'],
        ['connection.status', 'Linked', 'Deauthorized', null],
        ['error.appeared', null, null, '401'],
      ]),
    );
    const times = body.entries.map((e: any) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(body.entries.at(-1)).toMatchObject({ kind: 'company.created', flags: ['existedBeforeMirror'] });
    expect(body.connections).toEqual([expect.objectContaining({ id: F.duplicateCustomer.connectionId, status: 'Linked', platformKey: 'gbol', notes: [] })]);
  });

  it('pages and filters', async () => {
    const all = (await timeline(F.duplicateCustomer.companyIds[0])).body;
    const page = (await timeline(F.duplicateCustomer.companyIds[0], `?range=${encodeURIComponent('[1,2]')}`)).body;
    expect(page.total).toBe(all.total);
    expect(page.entries).toEqual(all.entries.slice(1, 3));
    const errors = (await timeline(F.duplicateCustomer.companyIds[0], `?filter=${encodeURIComponent('{"kind":["error.appeared","error.resolved"]}')}`)).body;
    expect(errors.entries.every((e: any) => e.kind.startsWith('error.'))).toBe(true);
    expect(errors.total).toBe(2);
  });

  it('answers 404 for a company the mirror does not hold, 400 for a bad id', async () => {
    expect((await timeline('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await timeline('nope')).status).toBe(400);
  });

  it('keeps history for the retention period only (pruned by the sync)', async () => {
    const before = (await timeline(F.duplicateCustomer.companyIds[0])).body.total;
    expect(before).toBeGreaterThan(0);
    stack.emu.clock.advance(14 * 31 * 86_400_000);
    await syncOnce(syncContext(stack));
    // Sessions do not last 14 months: sign in again.
    const admin = await stack.signIn(STACK_ACCOUNTS.admin.email, STACK_ACCOUNTS.admin.password);
    const after = (await admin.json(`/api/companies/${F.duplicateCustomer.companyIds[0]}/timeline`)).body;
    expect(after.total).toBe(0);
    expect(after.connections).toHaveLength(1);
  });
});
