import { connectionPath, type CatalogueEntry, type OperationIds } from './catalogue.js';

const accounts = (ids: OperationIds) => `${connectionPath(ids)}/connectionInfo/bankFeedAccounts`;
const account = (ids: OperationIds) => `${accounts(ids)}/${ids.accountId}`;
const credentials = (ids: OperationIds) => `${accounts(ids)}/credentials`;
const mapping = (ids: OperationIds) => `${connectionPath(ids)}/bankFeedAccounts/mapping`;

const bothDocuments = (operationId: string): CatalogueEntry['targets'] => [
  ['bankFeeds', operationId],
  ['bankFeedsV2', operationId],
];

const v2Account = {
  id: 'acc-1',
  accountName: 'Current',
  accountType: 'checking',
  accountNumber: '12345678',
  sortCode: '040004',
  currency: 'GBP',
  balance: 10,
};

/** Every Bank Feeds operation the emulator implements; batch and OTP are not in the frozen v2 document. */
export const BANK_FEED_OPERATIONS: CatalogueEntry[] = [
  {
    method: 'POST',
    path: accounts,
    body: v2Account,
    targets: bothDocuments('create-source-account'),
  },
  {
    method: 'POST',
    path: (ids) => `${accounts(ids)}/batch`,
    body: [v2Account],
    targets: [['bankFeeds', 'create-batch-source-account']],
  },
  { method: 'GET', path: accounts, targets: bothDocuments('list-source-accounts') },
  {
    method: 'PATCH',
    path: account,
    body: { accountName: 'Renamed' },
    targets: bothDocuments('update-source-account'),
  },
  { method: 'DELETE', path: account, targets: bothDocuments('delete-source-account') },
  { method: 'POST', path: credentials, body: {}, targets: bothDocuments('generate-credentials') },
  { method: 'DELETE', path: credentials, targets: bothDocuments('delete-bank-feed-credentials') },
  { method: 'GET', path: mapping, targets: bothDocuments('get-bank-account-mapping') },
  {
    method: 'POST',
    path: mapping,
    body: { sourceAccountId: 'acc-1' },
    targets: bothDocuments('create-bank-account-mapping'),
  },
  {
    method: 'POST',
    path: (ids) => `${connectionPath(ids)}/bankFeeds/otp`,
    targets: [['bankFeeds', 'generate-otp']],
  },
];
