import { CodatError, parseCodatDate, type CodatClient } from '@console/codat-client';
import { collectPages } from '../codat/collect.js';
import { integrationCatalog } from '../codat/integration-catalog.js';
import type { BffDeps } from '../deps.js';
import { tagFilter } from '../codat/safe-query.js';
import type { OpenAction } from './open-actions.js';

/** The tag every company the console creates carries: the id of the operation that created it. */
export const OPERATION_TAG = 'consoleOperation';

/** Codat's clock and ours may differ: a record counts as the action's if made this long before it started, or after. */
const CLOCK_SKEW_MS = 60_000;

/** What Codat shows of an action: applied (with the ids it made) or not (yet). */
export type Finding = { applied: true; target?: Record<string, string>; details?: Record<string, unknown> } | { applied: false };

type Check = (deps: Pick<BffDeps, 'codat' | 'now'>, action: OpenAction) => Promise<Finding>;

const APPLIED: Finding = { applied: true };
const NOT_APPLIED: Finding = { applied: false };

async function exists(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return true;
  } catch (error) {
    if (error instanceof CodatError && error.status === 404) return false;
    throw error;
  }
}

const madeSince = (created: string | null | undefined, action: OpenAction) =>
  (parseCodatDate(created)?.getTime() ?? 0) >= action.startedAt.getTime() - CLOCK_SKEW_MS;

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function target(action: OpenAction) {
  const { companyId = '', connectionId = '', sourceAccountId = '' } = action.target;
  return { companyId, connectionId, sourceAccountId };
}

async function companyCreated(codat: CodatClient, action: OpenAction): Promise<Finding> {
  const operationId = text(action.sent.operationId);
  if (!operationId) return NOT_APPLIED;
  const tags = tagFilter({ key: OPERATION_TAG, op: '=', value: operationId });
  const { items } = await collectPages(codat.companies.pages({ pageSize: 10, tags }), 10);
  const company = items[0];
  return company ? { applied: true, target: { companyId: company.id, companyName: company.name } } : NOT_APPLIED;
}

async function refreshQueued(codat: CodatClient, action: OpenAction): Promise<Finding> {
  const { companyId, connectionId } = target(action);
  const dataType = text(action.sent.dataType);
  const { items } = await collectPages(codat.pullOperations.pages(companyId, { pageSize: 100, orderBy: '-requested' }), 100);
  const queued = items.filter(
    (operation) =>
      madeSince(operation.requested, action) &&
      (!dataType || operation.dataType === dataType) &&
      (!connectionId || operation.connectionId === connectionId),
  );
  return queued.length > 0 ? { applied: true, details: { datasetIds: queued.map((operation) => operation.id) } } : NOT_APPLIED;
}

/**
 * How to tell from Codat whether each action that changes Codat happened. Reads (link and
 * account-number reveals) have none: if the console stopped before answering, nothing was shown.
 */
export const CHECKS: Record<string, Check> = {
  'company.create': ({ codat }, action) => companyCreated(codat, action),
  'company.update': async ({ codat }, action) => {
    const company = await codat.companies.get(target(action).companyId);
    const name = text(action.sent.name);
    const description = text(action.sent.description);
    const same = (name === undefined || company.name === name) && (description === undefined || (company.description ?? '') === description);
    return same ? APPLIED : NOT_APPLIED;
  },
  'company.delete': async ({ codat }, action) => ((await exists(() => codat.companies.get(target(action).companyId))) ? NOT_APPLIED : APPLIED),
  'connection.create': async ({ codat, now }, action) => {
    const { companyId } = target(action);
    const { items } = await collectPages(codat.connections.pages(companyId, { pageSize: 100 }), 500);
    const keyOf = await integrationCatalog(codat, now).keyResolver(items);
    const made = items.filter((connection) => keyOf(connection) === action.sent.platformKey && madeSince(connection.created, action));
    // Several new ones to the same platform: the newest is this action's (any other was made by someone after it started).
    const connection = made.sort((a, b) => b.created.localeCompare(a.created))[0];
    return connection ? { applied: true, target: { connectionId: connection.id } } : NOT_APPLIED;
  },
  'connection.delete': async ({ codat }, action) => {
    const { companyId, connectionId } = target(action);
    return (await exists(() => codat.connections.get(companyId, connectionId))) ? NOT_APPLIED : APPLIED;
  },
  'connection.unlink': async ({ codat }, action) => {
    const { companyId, connectionId } = target(action);
    return (await codat.connections.get(companyId, connectionId)).status === 'Unlinked' ? APPLIED : NOT_APPLIED;
  },
  'source-account.create': async ({ codat }, action) => {
    const { companyId, connectionId } = target(action);
    const accounts = await codat.bankFeeds.sourceAccounts.list(companyId, connectionId);
    const id = text(action.sent.accountId);
    return id && accounts.some((account) => account.id === id) ? { applied: true, target: { sourceAccountId: id } } : NOT_APPLIED;
  },
  'source-account.create-batch': async ({ codat }, action) => {
    const { companyId, connectionId } = target(action);
    const ids = new Set((await codat.bankFeeds.sourceAccounts.list(companyId, connectionId)).map((account) => account.id));
    const sent = Array.isArray(action.sent.accountIds) ? action.sent.accountIds.filter((id): id is string => typeof id === 'string') : [];
    const created = sent.filter((id) => ids.has(id));
    return created.length > 0 ? { applied: true, details: { created: created.length, missing: sent.filter((id) => !ids.has(id)) } } : NOT_APPLIED;
  },
  'source-account.update': async ({ codat }, action) => {
    const { companyId, connectionId, sourceAccountId } = target(action);
    const account = (await codat.bankFeeds.sourceAccounts.list(companyId, connectionId)).find((found) => found.id === sourceAccountId) as Record<string, unknown> | undefined;
    const fields = ['accountName', 'balance', 'status'].filter((field) => action.sent[field] !== undefined);
    return account && fields.every((field) => (account[field] ?? null) === action.sent[field]) ? APPLIED : NOT_APPLIED;
  },
  'source-account.delete': async ({ codat }, action) => {
    const { companyId, connectionId, sourceAccountId } = target(action);
    const accounts = await codat.bankFeeds.sourceAccounts.list(companyId, connectionId);
    return accounts.some((account) => account.id === sourceAccountId) ? NOT_APPLIED : APPLIED;
  },
  'data.refresh-all': ({ codat }, action) => refreshQueued(codat, action),
  'data.refresh': ({ codat }, action) => refreshQueued(codat, action),
};
