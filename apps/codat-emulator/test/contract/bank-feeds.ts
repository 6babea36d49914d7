import type { BankFeedsVersion } from '../../src/index.js';
import { loadOasDocument } from './oas/documents.js';
import {
  expectResponseToMatchOas,
  expectToMatchOasSchema,
  type OasCheck,
} from './oas/validator.js';

/**
 * Where Codat's two Bank Feeds documents are wrong, the document that is right for the
 * emulator's version wins; everything else is checked against both. Reasons:
 * - the live document's update-source-account declares only the v1 `SourceAccount`, while v2
 *   clients get (and the frozen v2 document declares) the v2 shape;
 * - the frozen 2024-08 v2 document's mapping GET declares one object, where the live document
 *   and the docs return an array; its mapping POST response spells `Status` and `Error`, where
 *   the live document (and CODAT.md) have `status` and `error`;
 * - the frozen `SourceAccountv2` predates `modifiedDate`, which the live document declares.
 */
const LIVE_WRONG_FOR_V2_SUCCESS = new Set(['update-source-account']);
const FROZEN_V2_WRONG_FOR_SUCCESS = new Set([
  'get-bank-account-mapping',
  'create-bank-account-mapping',
]);
const ACCOUNT_OPERATIONS = new Set([
  'create-source-account',
  'list-source-accounts',
  'update-source-account',
]);

function withoutModifiedDate(body: unknown): unknown {
  const strip = (account: unknown) => {
    if (typeof account !== 'object' || account === null) return account;
    const { modifiedDate: _modifiedDate, ...rest } = account as Record<string, unknown>;
    return rest;
  };
  return Array.isArray(body) ? body.map(strip) : strip(body);
}

interface BatchItem {
  sourceAccountId?: unknown;
  result?: { statusCode?: unknown; error?: unknown; account?: unknown };
}

/**
 * Batch items, checked one by one: with the unions read as `anyOf`, an error item with an
 * integer `statusCode` would otherwise pass as a (v1 or v2) success item.
 */
function expectBatchItems(version: BankFeedsVersion, body: unknown): unknown[] {
  const accounts: unknown[] = [];
  for (const [index, item] of (body as BatchItem[]).entries()) {
    const where = `create-batch-source-account item ${index}`;
    if (typeof item.sourceAccountId !== 'string') throw new Error(`${where}: no sourceAccountId`);
    if (item.result?.account !== undefined) {
      if (typeof item.result.statusCode !== 'number')
        throw new Error(`${where}: a created item's statusCode must be an integer`);
      const schema =
        version === 'v2'
          ? 'SourceAccountV2BatchCreateResponse'
          : 'SourceAccountBatchCreateResponse';
      expectToMatchOasSchema('bankFeeds', `#/components/schemas/${schema}`, item, where);
      accounts.push(item.result.account);
    } else {
      if (typeof item.result?.statusCode !== 'string' || typeof item.result.error !== 'string') {
        throw new Error(
          `${where}: a refused item needs a string statusCode and an error: ${JSON.stringify(item)}`,
        );
      }
      expectToMatchOasSchema(
        'bankFeeds',
        '#/components/schemas/SourceAccountBatchErrorResponse',
        item,
        where,
      );
    }
  }
  return accounts;
}

/** The source accounts a response carries: the body, the list, or each batch item's account. */
function accountsIn(version: BankFeedsVersion, operationId: string, body: unknown): unknown[] {
  if (operationId === 'create-batch-source-account') return expectBatchItems(version, body);
  if (!ACCOUNT_OPERATIONS.has(operationId)) return [];
  return Array.isArray(body) ? body : [body];
}

/**
 * Validates a bank-feed response against the live Bank Feeds document and, for a v2 emulator,
 * the frozen v2 document (where it has the operation); then each source account it carries
 * against the emulator's own version's schema, since the live document's v1/v2 unions accept
 * either shape.
 */
export async function expectBankFeedResponse(
  version: BankFeedsVersion,
  operationId: string,
  response: Response,
): Promise<OasCheck> {
  const v2 = version === 'v2';
  const success = response.status < 300;
  let check: OasCheck | undefined;
  if (!(v2 && success && LIVE_WRONG_FOR_V2_SUCCESS.has(operationId))) {
    check = await expectResponseToMatchOas('bankFeeds', operationId, response);
  }
  const frozenWrong = success && FROZEN_V2_WRONG_FOR_SUCCESS.has(operationId);
  if (v2 && loadOasDocument('bankFeedsV2').operations.has(operationId) && !frozenWrong) {
    let comparable = response;
    if (ACCOUNT_OPERATIONS.has(operationId) && response.status === 200) {
      const body = withoutModifiedDate(await response.clone().json());
      comparable = new Response(JSON.stringify(body), { status: 200, headers: response.headers });
    }
    const frozen = await expectResponseToMatchOas('bankFeedsV2', operationId, comparable);
    check ??= { status: frozen.status, body: await response.clone().json() };
  }
  if (!check) throw new Error(`${operationId} is in neither Bank Feeds document`);
  const batchConflict = operationId === 'create-batch-source-account' && check.status === 409;
  if (success || batchConflict) {
    const schema = v2
      ? '#/components/schemas/SourceAccountV2'
      : '#/components/schemas/SourceAccount';
    for (const account of accountsIn(version, operationId, check.body)) {
      expectToMatchOasSchema(
        'bankFeeds',
        schema,
        account,
        `${operationId} → ${check.status} (${version} account)`,
      );
    }
  }
  return check;
}
