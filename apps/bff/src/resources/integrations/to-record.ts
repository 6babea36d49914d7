import type { Branding, Integration } from '@console/codat-client';
import type { IntegrationDetail, IntegrationRecord } from './schemas.js';

function sandboxOf(integration: Integration): boolean | null {
  const environments = integration.supportedEnvironments;
  if (!environments) return null;
  return environments.toLowerCase() === 'sandboxonly';
}

export function toIntegrationRecord(integration: Integration): IntegrationRecord {
  return {
    id: integration.key,
    key: integration.key,
    name: integration.name,
    // Served by the console: the browser never loads Codat's image host (CSP img-src 'self').
    logoUrl: `/api/integrations/${integration.key}/logo`,
    sourceType: integration.sourceType ?? null,
    enabled: integration.enabled,
    isBeta: integration.isBeta ?? false,
    isOfflineConnector: integration.isOfflineConnector ?? false,
    sandbox: sandboxOf(integration),
  };
}

export function toIntegrationDetail(integration: Integration, branding: Branding | undefined): IntegrationDetail {
  return {
    ...toIntegrationRecord(integration),
    branding: branding
      ? {
          logoFull: branding.logo?.full?.image?.src ?? null,
          logoSquare: branding.logo?.square?.image?.src ?? null,
          buttonDefault: branding.button?.default?.image?.src ?? null,
          buttonHover: branding.button?.hover?.image?.src ?? null,
        }
      : null,
  };
}
