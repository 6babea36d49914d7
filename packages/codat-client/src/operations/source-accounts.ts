import { z } from 'zod';
import type { SourceAccountInput, SourceAccountUpdate } from '../schemas/bank-feed-inputs.js';
import {
  sourceAccountBatchResultSchema,
  sourceAccountSchema,
  type SourceAccount,
  type SourceAccountBatchResult,
} from '../schemas/bank-feeds.js';
import type { Caller } from './caller.js';
import { sourceAccountsPath } from './paths.js';

/** 201 all created, 207 some failed, 409 conflict — all three answer with per-account results. */
export interface SourceAccountBatch {
  status: number;
  results: SourceAccountBatchResult[];
}

const sourceAccountListSchema = z.array(sourceAccountSchema);
const batchResultsSchema = z.array(sourceAccountBatchResultSchema);

export function sourceAccountsOperations(caller: Caller) {
  return {
    /** Starts `pending`; an id already used on the connection is an error. */
    create: (
      companyId: string,
      connectionId: string,
      account: SourceAccountInput,
    ): Promise<SourceAccount> =>
      caller.json(
        {
          operation: 'bankFeeds.sourceAccounts.create',
          method: 'POST',
          path: sourceAccountsPath(companyId, connectionId),
          companyId,
          body: account,
        },
        sourceAccountSchema,
      ),
    createBatch: async (
      companyId: string,
      connectionId: string,
      batch: SourceAccountInput[],
    ): Promise<SourceAccountBatch> => {
      const { status, body } = await caller.jsonWithStatus(
        {
          operation: 'bankFeeds.sourceAccounts.createBatch',
          method: 'POST',
          path: `${sourceAccountsPath(companyId, connectionId)}/batch`,
          companyId,
          body: batch,
          resultStatuses: [409],
        },
        batchResultsSchema,
      );
      return { status, results: body };
    },
    list: (companyId: string, connectionId: string): Promise<SourceAccount[]> =>
      caller.json(
        {
          operation: 'bankFeeds.sourceAccounts.list',
          method: 'GET',
          path: sourceAccountsPath(companyId, connectionId),
          companyId,
        },
        sourceAccountListSchema,
      ),
    update: (
      companyId: string,
      connectionId: string,
      accountId: string,
      changes: SourceAccountUpdate,
    ): Promise<SourceAccount> =>
      caller.json(
        {
          operation: 'bankFeeds.sourceAccounts.update',
          method: 'PATCH',
          path: `${sourceAccountsPath(companyId, connectionId)}/${encodeURIComponent(accountId)}`,
          companyId,
          body: changes,
        },
        sourceAccountSchema,
      ),
    /** Disables the feed and removes its mapping; the target account in the accounting platform stays. */
    delete: (companyId: string, connectionId: string, accountId: string): Promise<void> =>
      caller.empty({
        operation: 'bankFeeds.sourceAccounts.delete',
        method: 'DELETE',
        path: `${sourceAccountsPath(companyId, connectionId)}/${encodeURIComponent(accountId)}`,
        companyId,
      }),
  };
}
