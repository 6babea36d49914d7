import { createHash } from 'node:crypto';
import { parseCodatDate, type Company, type CompanyReference, type Connection, type DataConnectionError } from '@console/codat-client';
import { isSandboxPlatform } from '../codat/sandbox-platforms.js';
import { normaliseName } from '../resources/companies/name-similarity.js';
import type { ObservedCompany, ObservedConnection, ObservedError } from './model.js';

/** Resolves a connection's platform key (see IntegrationCatalog.keyResolver). */
export type PlatformKeyOf = (connection: Connection) => string | null;

const hash = (...parts: (string | null)[]) =>
  createHash('sha256')
    .update(parts.map((part) => part ?? '').join('\u0000'))
    .digest('hex')
    .slice(0, 24);

/** The id of an error group: platform + status code + status text. */
export function errorGroupId(platformKey: string | null, statusCode: string | null, statusText: string | null): string {
  return hash(platformKey, statusCode, statusText);
}

const isoOrRaw = (raw: string | null) => parseCodatDate(raw)?.toISOString() ?? raw;

/**
 * An error counts as active while Codat says `Active`; one without a status (Codat's older,
 * non-transient kind) counts while its connection is not Linked.
 */
export function isActiveError(status: string | null, connectionStatus: string): boolean {
  return status === 'Active' || (status === null && connectionStatus !== 'Linked');
}

function observeError(error: DataConnectionError, platformKey: string | null, connectionStatus: string): ObservedError {
  const statusCode = error.statusCode == null ? null : String(error.statusCode);
  const statusText = error.statusText ?? null;
  const erroredOnUtc = error.erroredOnUtc ?? null;
  const status = error.status ?? null;
  const resolvedOnUtc = error.resolvedOnUtc ?? null;
  return {
    // Dates normalised, so a webhook's and a list's renderings of one error match.
    fingerprint: hash(statusCode, statusText, isoOrRaw(erroredOnUtc)),
    groupId: errorGroupId(platformKey, statusCode, statusText),
    statusCode,
    statusText,
    errorMessage: error.errorMessage ?? null,
    erroredOnUtc,
    erroredAt: parseCodatDate(erroredOnUtc) ?? null,
    status,
    resolvedOnUtc,
    resolvedAt: parseCodatDate(resolvedOnUtc) ?? null,
    active: isActiveError(status, connectionStatus),
  };
}

export function observeConnection(connection: Connection, companyId: string, platformKeyOf: PlatformKeyOf): ObservedConnection {
  const platformKey = platformKeyOf(connection);
  const errors = new Map<string, ObservedError>();
  for (const error of connection.dataConnectionErrors ?? []) {
    const observed = observeError(error, platformKey, connection.status);
    errors.set(observed.fingerprint, observed);
  }
  return {
    id: connection.id.toLowerCase(),
    companyId,
    integrationId: connection.integrationId,
    platformKey,
    platformName: connection.platformName,
    sourceType: connection.sourceType,
    status: connection.status,
    created: connection.created ?? null,
    createdAt: parseCodatDate(connection.created) ?? null,
    lastSync: connection.lastSync ?? null,
    sandbox: isSandboxPlatform(platformKey),
    errors: [...errors.values()],
  };
}

function observeCompanyFields(company: CompanyReference, merchantIdTag: string): ObservedCompany {
  const tags = company.tags ?? {};
  const name = company.name ?? '';
  return {
    id: company.id.toLowerCase(),
    name,
    nameNormalised: normaliseName(name),
    description: company.description ?? null,
    merchantId: tags[merchantIdTag] ?? null,
    tags,
  };
}

/** A company as `GET /companies` (or a `company.*` webhook) has it. */
export function observeCompany(company: Company, merchantIdTag: string): ObservedCompany {
  return {
    ...observeCompanyFields(company, merchantIdTag),
    created: company.created ?? null,
    createdAt: parseCodatDate(company.created) ?? null,
    lastSync: company.lastSync ?? null,
    lastSyncAt: parseCodatDate(company.lastSync) ?? null,
  };
}

/** A connection webhook's `referenceCompany`: no dates, so the stored ones are kept. */
export function observeReferenceCompany(company: CompanyReference, merchantIdTag: string): ObservedCompany {
  return observeCompanyFields(company, merchantIdTag);
}
