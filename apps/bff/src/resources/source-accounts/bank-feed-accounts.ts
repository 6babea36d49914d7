import { CodatError, isSourceAccountV2, type BankFeedMapping, type SourceAccount } from '@console/codat-client';
import type { BffDeps } from '../../deps.js';
import { ApiError, notFound } from '../../http/api-error.js';
import type { SourceAccountVersion } from './account-input.js';
import type { ConnectionRef } from './schemas.js';

export interface LoadedAccounts {
  accounts: SourceAccount[];
  /** Keyed by source account id. */
  mappings: Map<string, BankFeedMapping>;
}

/** Codat answers 404 for the bank-feed routes of any other connection: say so in the console's words. */
export async function onBankFeedConnection<T>(ref: ConnectionRef, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof CodatError) || error.status !== 404) throw error;
    throw new ApiError(
      404,
      'not_found',
      `Codat found no bank feed on connection ${ref.connectionId} of company ${ref.companyId}: source accounts exist only on bank-feed connections, so check that this connection is one. Codat said: ${error.codatError ?? error.message}`,
      { codatStatus: 404, operation: error.operation },
      {},
      error.correlationId,
    );
  }
}

/**
 * Codat access for source accounts. It also learns which account version (v1 or v2) the Codat
 * client uses — a setting of the client that no endpoint reports — from the accounts Codat
 * returns, so creates can be checked against it before anything is sent.
 */
export function bankFeedAccounts({ codat, logger }: Pick<BffDeps, 'codat' | 'logger'>) {
  let knownVersion: SourceAccountVersion | undefined;
  const learnVersion = (accounts: readonly SourceAccount[]) => {
    if (accounts[0]) knownVersion = isSourceAccountV2(accounts[0]) ? 'v2' : 'v1';
  };

  /** Mapping is extra detail (and not readable through the API on every platform): its failure only omits it. */
  async function mappingsOf(ref: ConnectionRef): Promise<Map<string, BankFeedMapping>> {
    try {
      const mappings = await codat.bankFeeds.mapping.get(ref.companyId, ref.connectionId);
      return new Map(mappings.flatMap((mapping) => (mapping.sourceAccountId ? [[mapping.sourceAccountId, mapping] as const] : [])));
    } catch (error) {
      if (!(error instanceof CodatError)) throw error;
      logger.warn({ ...ref, codatStatus: error.status, codatCorrelationId: error.correlationId }, 'bank-feed mapping unavailable');
      return new Map();
    }
  }

  async function load(ref: ConnectionRef): Promise<LoadedAccounts> {
    const [accounts, mappings] = await Promise.all([
      onBankFeedConnection(ref, () => codat.bankFeeds.sourceAccounts.list(ref.companyId, ref.connectionId)),
      mappingsOf(ref),
    ]);
    learnVersion(accounts);
    return { accounts, mappings };
  }

  /** Codat has no get-one for source accounts: the connection's list is read and searched. */
  async function find(ref: ConnectionRef, accountId: string) {
    const { accounts, mappings } = await load(ref);
    const account = accounts.find((candidate) => candidate.id === accountId);
    if (!account) throw notFound(`Connection ${ref.connectionId} of company ${ref.companyId} has no source account "${accountId}".`);
    return { account, mapping: mappings.get(accountId) };
  }

  return {
    load,
    find,
    learnVersion,
    /** The version seen last, without asking Codat. */
    get knownVersion(): SourceAccountVersion | undefined {
      return knownVersion;
    },
    /** The version, reading the connection's accounts when none has been seen yet (undefined if it has none). */
    async versionFor(ref: ConnectionRef): Promise<SourceAccountVersion | undefined> {
      if (!knownVersion) await load(ref);
      return knownVersion;
    },
  };
}

export type BankFeedAccounts = ReturnType<typeof bankFeedAccounts>;
