import { renderCompanyDetails, renderConnection } from '../domain/render.js';
import type { Emulator } from '../emulator.js';
import type { CompanyRecord, ConnectionRecord } from '../store/types.js';

/**
 * Origin for URLs inside event payloads when the caller has no request at hand (a connection's
 * `linkUrl` is part of every connection event).
 */
export function eventOrigin(emu: Emulator, origin?: string): string {
  return origin ?? emu.config.publicUrl ?? 'http://localhost';
}

export function portalUrl(companyId: string): string {
  return `https://app.codat.io/companies/${companyId}/summary`;
}

/** `Company.definitions.companyReference`: what connection and read events say about the company. */
export function referenceCompany(company: CompanyRecord) {
  const json: Record<string, unknown> = { id: company.id, name: company.name };
  if (company.description !== undefined) json.description = company.description;
  json.links = { portal: portalUrl(company.id) };
  if (company.tags) json.tags = company.tags;
  return json;
}

/** `ConnectionWebhook` payload: `{ referenceCompany, connection }`. */
export function connectionEventPayload(emu: Emulator, connection: ConnectionRecord, origin?: string) {
  const company = emu.store.companies.get(connection.companyId);
  return {
    referenceCompany: company ? referenceCompany(company) : { id: connection.companyId },
    connection: renderConnection(emu, eventOrigin(emu, origin), connection),
  };
}

/**
 * `CompanyWebhook` payload (`company.created`/`company.deleted`): the company details themselves,
 * not wrapped and without `dataConnections` (rendering those would mint link OTPs).
 */
export function companyEventPayload(emu: Emulator, company: CompanyRecord, origin?: string) {
  return renderCompanyDetails(eventOrigin(emu, origin), company);
}
