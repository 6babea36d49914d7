import type { Emulator } from '../emulator.js';
import type { CompanyRecord, ConnectionRecord } from '../store/types.js';
import { companyRedirectUrl, connectionLinkUrl } from './link-urls.js';
import { platformByKey } from './platforms.js';

/**
 * The `Connection` schema is `additionalProperties: false`: exactly its declared keys, empty
 * optional fields omitted (the official SDK rejects `null` for most of them).
 */
export function renderConnection(emu: Emulator, origin: string, connection: ConnectionRecord) {
  const platform = platformByKey(connection.integrationKey);
  const json: Record<string, unknown> = {
    id: connection.id,
    integrationId: platform?.integrationId,
    integrationKey: connection.integrationKey,
    sourceId: platform?.sourceId,
    platformName: platform?.name ?? connection.integrationKey,
    linkUrl: connectionLinkUrl(emu, origin, connection),
    status: connection.status,
    created: connection.created,
    sourceType: platform?.sourceType ?? 'Unknown',
  };
  if (connection.lastSync) json.lastSync = connection.lastSync;
  if (connection.errors.length > 0) json.dataConnectionErrors = connection.errors;
  if (connection.connectionInfo) json.connectionInfo = connection.connectionInfo;
  return json;
}

/** The company's own fields, as `company.*` webhook payloads carry them (no `dataConnections`). */
export function renderCompanyDetails(origin: string, company: CompanyRecord) {
  const json: Record<string, unknown> = {
    id: company.id,
    name: company.name,
    description: company.description,
    redirect: companyRedirectUrl(origin, company.id),
    lastSync: company.lastSync,
    created: company.created,
    createdByUserName: company.createdByUserName,
    products: company.products,
    tags: company.tags,
    referenceSubsidiaryCompanies: [],
  };
  for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
  return json;
}

/** `Company`, including the legacy `"platform": ""` every real response still carries. */
export function renderCompany(emu: Emulator, origin: string, company: CompanyRecord) {
  return {
    ...renderCompanyDetails(origin, company),
    platform: '',
    dataConnections: emu.store.connectionsOf(company).map((c) => renderConnection(emu, origin, c)),
  };
}

export function requestOrigin(emu: Emulator, url: string): string {
  return emu.config.publicUrl ?? new URL(url).origin;
}
