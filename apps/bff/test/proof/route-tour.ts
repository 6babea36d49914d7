import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import type { Stack } from '../stack.js';

type Init = Parameters<Stack['request']>[1];
export type Call = (path: string, init?: Init) => Promise<{ status: number; body: any }>;

const filter = (value: object) => `filter=${encodeURIComponent(JSON.stringify(value))}`;
const account = (id: string) => ({ id, accountName: 'Tills', accountType: 'checking', accountNumber: '12345678', sortCode: '12-34-56', currency: 'GBP', balance: 10.5 });

/**
 * Calls every /api route family once the way the SPA would (demo scenario, v2 bank feeds), and
 * answers each call's status by route, so a caller can check they did what they were meant to.
 */
export async function tourEveryRouteFamily(call: Call): Promise<Record<string, number>> {
  const statuses: Record<string, number> = {};
  const visit = async (name: string, path: string, init?: Init) => {
    const response = await call(path, init);
    statuses[name] = response.status;
    return response.body;
  };
  const feed = F.bankFeedAccounts;
  const pending = F.pendingBankFeed;

  await visit('health', '/healthz');
  await visit('readiness', '/readyz');
  await visit('openapi', '/api/openapi.json');
  await visit('companies.list', '/api/companies');
  await visit('companies.search', `/api/companies?${filter({ q: 'Harbourside' })}`);
  await visit('companies.get', `/api/companies/${F.duplicateCustomer.companyIds[0]}`);
  const created = await visit('companies.create', '/api/companies', { method: 'POST', body: { name: 'Key Leak Probe Ltd', confirmNewCompany: { reason: 'proof test' } } });
  await visit('companies.update', `/api/companies/${created.id}`, { method: 'PUT', body: { name: 'Key Leak Probe Limited' } });

  await visit('connections.list', `/api/connections?${filter({ companyId: pending.companyId })}`);
  await visit('connections.get', `/api/connections/${pending.companyId}.${pending.connectionId}`);
  const connection = await visit('connections.create', '/api/connections', { method: 'POST', body: { companyId: created.id, platformKey: 'olpr' } });
  await visit('connections.unlink', `/api/connections/${F.duplicateCustomer.companyIds[0]}.${F.duplicateCustomer.connectionId}/unlink`, { method: 'POST' });
  await visit('link-url.company', `/api/companies/${F.noConnections.companyId}/link-url`, { method: 'POST' });
  await visit('link-url.connection', `/api/connections/${pending.companyId}.${pending.connectionId}/link-url`, { method: 'POST' });
  await visit('link-url.invite', '/api/invite-url');
  await visit('connections.delete', `/api/connections/${connection.id}`, { method: 'DELETE' });

  await visit('integrations.list', '/api/integrations');
  await visit('integrations.get', '/api/integrations/gbol');

  const feedRef = { companyId: feed.companyId, connectionId: feed.connectionId };
  await visit('source-accounts.list', `/api/source-accounts?${filter(feedRef)}`);
  const accountId = `${feed.companyId}.${feed.connectionId}.acc-001`;
  const record = await visit('source-accounts.get', `/api/source-accounts/${accountId}`);
  await visit('source-accounts.reveal', `/api/source-accounts/${accountId}/reveal`, { method: 'POST' });
  await visit('source-accounts.update', `/api/source-accounts/${accountId}`, { method: 'PUT', body: { ...record, accountName: 'Renamed tills' } });
  const pendingRef = { companyId: pending.companyId, connectionId: pending.connectionId };
  await visit('source-accounts.validate', '/api/source-accounts/validate', { method: 'POST', body: { ...pendingRef, account: account('acc-v') } });
  const one = await visit('source-accounts.create', '/api/source-accounts', { method: 'POST', body: { ...pendingRef, account: account('acc-leak') } });
  await visit('source-accounts.batch', '/api/source-accounts/batch', { method: 'POST', body: { ...pendingRef, accounts: [account('acc-b1'), account('acc-b2')] } });
  await visit('source-accounts.delete', `/api/source-accounts/${one.id}`, { method: 'DELETE' });

  const [operation] = await visit('pull-operations.list', `/api/pull-operations?${filter({ companyId: feed.companyId })}`);
  await visit('pull-operations.get', `/api/pull-operations/${operation.id}`);
  const [status] = await visit('data-status.list', `/api/data-status?${filter({ companyId: feed.companyId })}`);
  await visit('data-status.get', `/api/data-status/${status.id}`);
  await visit('refresh.one', `/api/companies/${feed.companyId}/refresh/invoices`, { method: 'POST' });
  await visit('refresh.all', `/api/companies/${pending.companyId}/refresh`, { method: 'POST' });
  await visit('sync-progress', `/api/companies/${feed.companyId}/sync-progress`);

  await visit('companies.delete', `/api/companies/${created.id}`, { method: 'DELETE' });
  await visit('staff.list', '/api/staff');
  await visit('audit-events.list', '/api/audit-events');
  await visit('metrics', '/metrics');
  return statuses;
}
