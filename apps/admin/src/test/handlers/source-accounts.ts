import { http, HttpResponse } from 'msw';
import type { SourceAccountRecord } from '../../resources/source-accounts/types';
import { companyConnections, revealed, sourceAccountRecords } from '../fixtures/source-accounts';
import { aCompany } from '../fixtures/companies';
import { MIRROR_REFRESHED_AT } from './companies';
import { apiError, listResponse } from './simple-rest-list';

type ConnectionRow = (typeof companyConnections)[number];

/**
 * `GET /api/companies/:id` as the BFF answers it: with live=true Codat's company with `records` as
 * its connections; else the mirror's copy, whose connections are `mirrored`.
 */
export const companyHandler = (records: ConnectionRow[] = companyConnections, mirrored: ConnectionRow[] = records) =>
  http.get('*/api/companies/:id', ({ params, request }) => {
    const id = String(params.id);
    if (new URL(request.url).searchParams.get('live') === 'true') {
      return HttpResponse.json({ ...aCompany({ id, name: 'Data Company' }, records), connections: records.filter((record) => record.companyId === id) });
    }
    return HttpResponse.json(aCompany({ id, name: 'Data Company' }, mirrored), { headers: { 'X-Mirror-Refreshed-At': MIRROR_REFRESHED_AT } });
  });

/** Never answers: the loading state stays on screen. */
export const companyHang = () => http.get('*/api/companies/:id', () => new Promise<never>(() => undefined));

export interface SourceAccountCalls {
  validate: unknown[];
  create: unknown[];
  batch: unknown[];
  update: Array<{ id: string; body: unknown }>;
  remove: string[];
  reveal: string[];
}

/**
 * The source-accounts API over an in-memory list: list, create, batch (accounts whose id starts
 * with `dup` fail with Codat's 409), validate (the BFF's rules for the fields the forms send),
 * update, delete and reveal. `calls` records every request.
 */
export function sourceAccountsHandlers(initial: SourceAccountRecord[] = sourceAccountRecords) {
  const records = [...initial];
  const calls: SourceAccountCalls = { validate: [], create: [], batch: [], update: [], remove: [], reveal: [] };
  const handlers = [
    http.get('*/api/source-accounts', ({ request }) => listResponse('source-accounts', request, records)),
    http.post('*/api/source-accounts/validate', async ({ request }) => {
      const body = (await request.json()) as { account?: Record<string, unknown>; accounts?: Record<string, unknown>[] };
      calls.validate.push(body);
      const errors = body.account
        ? serverRules(body.account, '')
        : (body.accounts ?? []).flatMap((account, i) => serverRules(account, `accounts[${i}].`));
      return HttpResponse.json({ valid: errors.length === 0, errors });
    }),
    http.post('*/api/source-accounts/batch', async ({ request }) => {
      const body = (await request.json()) as { companyId: string; connectionId: string; accounts: Record<string, unknown>[] };
      calls.batch.push(body);
      const results = body.accounts.map((account) => {
        const accountId = String(account.id);
        if (accountId.startsWith('dup')) return { accountId, created: false, statusCode: '409', error: 'A bank account already exists with the same Id' };
        const record = toRecord(body.companyId, body.connectionId, account);
        records.push(record);
        return { accountId, created: true, record };
      });
      const created = results.filter((r) => r.created).length;
      return HttpResponse.json({ created, failed: results.length - created, results }, { status: created === results.length ? 201 : 207 });
    }),
    http.post('*/api/source-accounts/:id/reveal', ({ params }) => {
      calls.reveal.push(String(params.id));
      return HttpResponse.json(revealed);
    }),
    http.post('*/api/source-accounts', async ({ request }) => {
      const body = (await request.json()) as { companyId: string; connectionId: string; account: Record<string, unknown> };
      calls.create.push(body);
      const errors = serverRules(body.account, '');
      if (errors.length > 0) {
        return apiError(400, `Invalid source account: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`, { code: 'bad_request', details: { errors } });
      }
      const record = toRecord(body.companyId, body.connectionId, body.account);
      records.push(record);
      return HttpResponse.json(record);
    }),
    http.put('*/api/source-accounts/:id', async ({ request, params }) => {
      const body = (await request.json()) as SourceAccountRecord;
      calls.update.push({ id: String(params.id), body });
      const index = records.findIndex((r) => r.id === params.id);
      records[index] = { ...records[index]!, accountName: body.accountName, balance: body.balance, status: body.status };
      return HttpResponse.json(records[index]);
    }),
    http.delete('*/api/source-accounts/:id', ({ params }) => {
      calls.remove.push(String(params.id));
      const index = records.findIndex((r) => r.id === params.id);
      const [removed] = records.splice(index, 1);
      return HttpResponse.json(removed);
    }),
  ];
  return { calls, handlers, records };
}

/** A few of the BFF's rules (account-input.ts), enough for the forms' server check. */
function serverRules(account: Record<string, unknown>, prefix: string) {
  const errors: Array<{ field: string; message: string }> = [];
  if (typeof account.currency === 'string' && !/^[A-Z]{3}$/.test(account.currency)) {
    errors.push({ field: `${prefix}currency`, message: 'must be an ISO 4217 code of three capital letters, such as GBP' });
  }
  if (account.currency === 'GBP' && account.sortCode === undefined) {
    errors.push({ field: `${prefix}sortCode`, message: 'is required for GBP accounts (6 digits, e.g. 12-34-56)' });
  }
  if (account.accountName === 'Taken by the server') errors.push({ field: `${prefix}accountName`, message: 'is refused by the server' });
  return errors;
}

function toRecord(companyId: string, connectionId: string, account: Record<string, unknown>): SourceAccountRecord {
  const number = String(account.accountNumber ?? '');
  return {
    id: `${companyId}.${connectionId}.${encodeURIComponent(String(account.id))}`,
    companyId,
    connectionId,
    accountId: String(account.id),
    accountName: (account.accountName as string) ?? null,
    accountType: (account.accountType as string) ?? null,
    accountNumberMasked: number ? `••••${number.slice(-4)}` : null,
    currency: (account.currency as string) ?? null,
    balance: (account.balance as number) ?? null,
    status: 'pending',
    version: 'v2',
  };
}

export const sourceAccountsFail = (requestId = 'req-sa-404') => [
  http.get('*/api/source-accounts', () =>
    apiError(404, 'Codat found no bank feed on connection f0e1d2c3 of company 5b7c9e1a.', { code: 'not_found', requestId }),
  ),
];
