import { afterEach, describe, expect, it } from 'vitest';
import { auditRows } from '../../test/audit-entries.js';
import { openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { AuditLog } from '../audit/audit-log.js';
import { createLogger } from '../observability/logger.js';
import { startNotice } from '../start-notice.js';
import { createFirstAccounts } from './first-accounts.js';
import { verifyPassword } from './passwords.js';
import { findStaffByEmail } from './staff-store.js';

describe('accounts created at first start', () => {
  let database: TestDatabase;
  afterEach(() => database.dispose());
  const create = (options: Partial<Parameters<typeof createFirstAccounts>[2]>) =>
    createFirstAccounts(database.db, new AuditLog(database.db, Date.now, createLogger('silent')), { demo: false, passwordHashCost: 4, ...options });

  it('with a real Codat key: one admin from ADMIN_EMAIL / ADMIN_PASSWORD, audited, and only once', async () => {
    database = await openTestDatabase('pglite');
    const created = await create({ adminEmail: 'Ops@Example.com', adminPassword: 'a-long-admin-password' });
    expect(created).toEqual([{ email: 'ops@example.com', role: 'admin', password: undefined }]);
    const admin = await findStaffByEmail(database.db, 'ops@example.com');
    expect(await verifyPassword('a-long-admin-password', admin!.passwordHash!)).toBe(true);
    expect(await auditRows(database.db)).toMatchObject([{ action: 'staff.create', outcome: 'ok', details: { firstStart: true, role: 'admin' } }]);
    expect(await create({})).toEqual([]);
    const notice = startNotice({ url: 'http://localhost:8080', firstAccounts: created, demo: false });
    expect(notice).toContain('Codat Ops Console is ready: open http://localhost:8080');
    expect(notice).toContain('ops@example.com  admin             (ADMIN_PASSWORD)');
    expect(startNotice({ url: 'http://localhost:8080', firstAccounts: [], demo: true })).toMatch(/Demo accounts: .*cs@console\.local/);
  });

  it('on the embedded demo: one account per role with generated passwords that work', async () => {
    database = await openTestDatabase('pglite');
    const created = await create({ demo: true });
    expect(created.map((account) => [account.email, account.role])).toEqual([
      ['admin@console.local', 'admin'],
      ['cs@console.local', 'customer_success'],
      ['support@console.local', 'support'],
      ['finance@console.local', 'finance'],
    ]);
    for (const account of created) {
      const row = await findStaffByEmail(database.db, account.email);
      expect(await verifyPassword(account.password!, row!.passwordHash!)).toBe(true);
    }
  });
});
