import {
  companyPath as company,
  connectionPath as connection,
  type CatalogueEntry,
} from './catalogue.js';
import { inEveryDocument as everywhere } from './oas/validator.js';

/** Every Platform operation the emulator implements; company and connection ones are in all three documents. */
export const PLATFORM_OPERATIONS: CatalogueEntry[] = [
  { method: 'GET', path: () => '/companies', targets: everywhere('list-companies') },
  {
    method: 'POST',
    path: () => '/companies',
    body: { name: 'New' },
    targets: everywhere('create-company'),
  },
  { method: 'GET', path: company, targets: everywhere('get-company') },
  {
    method: 'PUT',
    path: company,
    body: { name: 'Renamed' },
    targets: [
      ['platform', 'replace-company'],
      ['bankFeeds', 'replace-company'],
      ['bankFeedsV2', 'update-company'],
    ],
  },
  {
    method: 'PATCH',
    path: company,
    body: {},
    targets: [
      ['platform', 'update-company'],
      ['bankFeeds', 'update-company'],
    ],
  },
  { method: 'DELETE', path: company, targets: everywhere('delete-company') },
  {
    method: 'GET',
    path: (ids) => `${company(ids)}/connections`,
    targets: everywhere('list-connections'),
  },
  {
    method: 'POST',
    path: (ids) => `${company(ids)}/connections`,
    body: { platformKey: 'gbol' },
    targets: everywhere('create-connection'),
  },
  { method: 'GET', path: connection, targets: everywhere('get-connection') },
  { method: 'DELETE', path: connection, targets: everywhere('delete-connection') },
  {
    method: 'PATCH',
    path: connection,
    body: { status: 'Unlinked' },
    targets: everywhere('unlink-connection'),
  },
  {
    method: 'PUT',
    path: (ids) => `${connection(ids)}/authorization`,
    body: { accessToken: 'token' },
    targets: [['platform', 'update-connection-authorization']],
  },
  {
    method: 'GET',
    path: (ids) => `${company(ids)}/accessToken`,
    targets: [
      ['platform', 'get-company-access-token'],
      ['bankFeeds', 'get-company-access-token'],
    ],
  },
  {
    method: 'GET',
    path: (ids) => `${company(ids)}/connectionManagement/accessToken`,
    targets: [['platform', 'get-connection-management-access-token']],
  },
  { method: 'GET', path: () => '/integrations', targets: [['platform', 'list-integrations']] },
  { method: 'GET', path: () => '/integrations/gbol', targets: [['platform', 'get-integration']] },
  {
    method: 'GET',
    path: () => '/integrations/gbol/branding',
    targets: [['platform', 'get-integrations-branding']],
  },
  {
    method: 'POST',
    path: (ids) => `${company(ids)}/data/all`,
    targets: [['platform', 'refresh-company-data']],
  },
  {
    method: 'POST',
    path: (ids) => `${company(ids)}/data/queue/invoices`,
    targets: [['platform', 'refresh-data-type']],
  },
  {
    method: 'GET',
    path: (ids) => `${company(ids)}/dataStatus`,
    targets: [['platform', 'get-company-data-status']],
  },
  {
    method: 'GET',
    path: (ids) => `${company(ids)}/data/history`,
    targets: [['platform', 'list-pull-operations']],
  },
  {
    method: 'GET',
    path: (ids) => `${company(ids)}/data/history/${ids.datasetId}`,
    targets: [['platform', 'get-pull-operation']],
  },
];
