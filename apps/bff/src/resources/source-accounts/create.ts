import { CodatError, type SourceAccount } from '@console/codat-client';
import type { BffDeps } from '../../deps.js';
import { ApiError } from '../../http/api-error.js';
import type { SourceAccountVersion } from './account-input.js';
import { onBankFeedConnection, type BankFeedAccounts } from './bank-feed-accounts.js';
import type { BatchResult, ConnectionRef, SourceAccountRecord } from './schemas.js';
import { toSourceAccountRecord } from './to-record.js';
import { invalidAccounts, validateAccount, validateBatch, type Validation } from './validation.js';

/**
 * Creates single accounts and batches, each checked before anything is sent: first against the
 * version known so far (or the body's own shape); then, if the BFF had not yet seen which version
 * the Codat client uses, against the version the connection's accounts show.
 */
export function sourceAccountCreation({ codat }: Pick<BffDeps, 'codat'>, accounts: BankFeedAccounts) {
  async function checked<T>(ref: ConnectionRef, check: (version: SourceAccountVersion | undefined) => Validation<T>): Promise<T> {
    const wasKnown = accounts.knownVersion !== undefined;
    let result = check(accounts.knownVersion);
    if (result.ok && !wasKnown) {
      const version = await accounts.versionFor(ref);
      if (version) result = check(version);
    }
    if (!result.ok) throw invalidAccounts(result.errors);
    return result.value;
  }

  const created = (ref: ConnectionRef, account: SourceAccount) => {
    accounts.learnVersion([account]);
    return toSourceAccountRecord(ref, account);
  };

  async function createOne(ref: ConnectionRef, raw: unknown): Promise<SourceAccountRecord> {
    const account = await checked(ref, (version) => validateAccount(raw, version));
    try {
      return created(ref, await onBankFeedConnection(ref, () => codat.bankFeeds.sourceAccounts.create(ref.companyId, ref.connectionId, account)));
    } catch (error) {
      // Codat's 400 for an id already on the connection; a conflict to the console.
      if (error instanceof CodatError && /already exists/i.test(error.codatError ?? '')) {
        throw new ApiError(409, 'conflict', `Source account "${account.id}" already exists on this connection. Codat said: ${error.codatError}`, undefined, {}, error.correlationId);
      }
      throw error;
    }
  }

  /** Codat creates what it can: each account's outcome is reported, created or refused with Codat's reason. */
  async function createBatch(ref: ConnectionRef, raw: unknown): Promise<BatchResult> {
    const batch = await checked(ref, (version) => validateBatch(raw, version));
    const { results } = await onBankFeedConnection(ref, () => codat.bankFeeds.sourceAccounts.createBatch(ref.companyId, ref.connectionId, batch));
    const outcomes = results.map(({ sourceAccountId, result }, index): BatchResult['results'][number] => {
      const accountId = sourceAccountId ?? batch[index]?.id ?? '';
      if (result.account && Number(result.statusCode) < 300) return { accountId, created: true, record: created(ref, result.account) };
      return { accountId, created: false, statusCode: String(result.statusCode), error: result.error ?? 'Codat did not create this account.' };
    });
    const createdCount = outcomes.filter((outcome) => outcome.created).length;
    return { created: createdCount, failed: outcomes.length - createdCount, results: outcomes };
  }

  return { createOne, createBatch };
}
