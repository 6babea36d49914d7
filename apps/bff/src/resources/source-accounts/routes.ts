import { Hono } from 'hono';
import { withAudit } from '../../audit/index.js';
import type { BffDeps } from '../../deps.js';
import { sortRecords } from '../../codat/sort-records.js';
import { readJsonBody } from '../../http/request-input.js';
import { listResponse, parseListQuery } from '../../http/simple-rest.js';
import type { OpenApiRegistry } from '../../openapi/registry.js';
import { bankFeedAccounts } from './bank-feed-accounts.js';
import { sourceAccountCreation } from './create.js';
import { documentSourceAccounts } from './docs.js';
import { sourceAccountId } from './record-id.js';
import {
  batchEnvelope,
  connectionRefSchema,
  createEnvelope,
  SOURCE_ACCOUNT_SORT_FIELDS,
  updateBodySchema,
  validateEnvelope,
} from './schemas.js';
import { revealAccountDetails, toSourceAccountRecord } from './to-record.js';
import { updateSourceAccount } from './update.js';
import { validateAccount, validateBatch } from './validation.js';

/** The id the client chose for an account (Codat keeps it), before validation: enough to find it again. */
const sentAccountId = (raw: unknown) => (raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined);

/** Bank-feed source accounts of one connection (Codat Bank Feeds API, v1 and v2 shapes). */
export function sourceAccountsRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  const accounts = bankFeedAccounts(deps);
  const creation = sourceAccountCreation(deps, accounts);
  documentSourceAccounts(docs);

  const parseId = (id: string) => {
    const { companyId, connectionId, accountId } = sourceAccountId.parse(id);
    return { ref: { companyId, connectionId }, accountId };
  };

  app.get('/', async (c) => {
    const {
      filter: ref,
      start,
      end,
      sort,
    } = parseListQuery(c, connectionRefSchema, SOURCE_ACCOUNT_SORT_FIELDS);
    const { accounts: list, mappings } = await accounts.load(ref);
    let records = list.map((account) =>
      toSourceAccountRecord(ref, account, mappings.get(account.id)),
    );
    if (sort)
      records = sortRecords(
        records,
        (record) => record[sort.field],
        sort.field === 'modifiedDate' ? 'date' : 'text',
        sort.order,
      );
    return listResponse(c, 'source-accounts', start, records.slice(start, end + 1), records.length);
  });

  // Literal paths before `/:id`.
  app.post('/validate', async (c) => {
    const body = await readJsonBody(c, validateEnvelope);
    const version = body.version ?? accounts.knownVersion;
    const result =
      body.accounts !== undefined
        ? validateBatch(body.accounts, version)
        : validateAccount(body.account, version);
    return c.json({ valid: result.ok, errors: result.ok ? [] : result.errors, version });
  });

  app.post('/batch', async (c) => {
    const { accounts: raw, ...ref } = await readJsonBody(c, batchEnvelope);
    const result = await withAudit(
      c,
      'source-account.create-batch',
      ref,
      async (draft) => {
        const outcome = await creation.createBatch(ref, raw);
        Object.assign(draft.details, { created: outcome.created, failed: outcome.failed });
        return outcome;
      },
      { sent: { accountIds: Array.isArray(raw) ? raw.map(sentAccountId) : [] } },
    );
    return c.json(result, result.failed === 0 ? 201 : 207);
  });

  app.post('/', async (c) => {
    const { account, ...ref } = await readJsonBody(c, createEnvelope);
    const created = await withAudit(
      c,
      'source-account.create',
      ref,
      async (draft) => {
        const record = await creation.createOne(ref, account);
        draft.target.sourceAccountId = record.accountId;
        return record;
      },
      { sent: { accountId: sentAccountId(account) } },
    );
    return c.json(created, 201);
  });

  app.get('/:id', async (c) => {
    const { ref, accountId } = parseId(c.req.param('id'));
    const { account, mapping } = await accounts.find(ref, accountId);
    return c.json(toSourceAccountRecord(ref, account, mapping));
  });

  app.post('/:id/reveal', async (c) => {
    const { ref, accountId } = parseId(c.req.param('id'));
    const details = await withAudit(
      c,
      'source-account.reveal',
      { ...ref, sourceAccountId: accountId },
      async () => revealAccountDetails((await accounts.find(ref, accountId)).account),
    );
    c.header('Cache-Control', 'no-store');
    return c.json(details);
  });

  app.put('/:id', async (c) => {
    const { ref, accountId } = parseId(c.req.param('id'));
    const body = await readJsonBody(c, updateBodySchema);
    return c.json(
      await withAudit(c, 'source-account.update', { ...ref, sourceAccountId: accountId }, () => updateSourceAccount(deps, accounts, ref, accountId, body), {
        sent: { accountName: body.accountName, balance: body.balance, status: body.status },
      }),
    );
  });

  app.delete('/:id', async (c) => {
    const { ref, accountId } = parseId(c.req.param('id'));
    const deleted = await withAudit(
      c,
      'source-account.delete',
      { ...ref, sourceAccountId: accountId },
      async () => {
        const { account, mapping } = await accounts.find(ref, accountId);
        await deps.codat.bankFeeds.sourceAccounts.delete(
          ref.companyId,
          ref.connectionId,
          accountId,
        );
        return toSourceAccountRecord(ref, account, mapping);
      },
    );
    return c.json(deleted);
  });

  return app;
}
