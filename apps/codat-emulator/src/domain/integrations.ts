import type { Emulator } from '../emulator.js';
import { datatypeFeatures } from './integration-features.js';
import type { Platform } from './platforms.js';

/** Where images live: static.codat.io at Codat; `{emulator origin}/public` here, so it works offline. */
const staticBase = (origin: string) => `${origin}/public`;

export interface ConnectionCounts {
  linked: number;
  total: number;
}

/** Connections per platform key, counted in one pass over the store. */
export function connectionCounts(emu: Emulator): Map<string, ConnectionCounts> {
  const counts = new Map<string, ConnectionCounts>();
  for (const connection of emu.store.connections.values()) {
    let entry = counts.get(connection.integrationKey);
    if (!entry) counts.set(connection.integrationKey, (entry = { linked: 0, total: 0 }));
    entry.total += 1;
    if (connection.status === 'Linked') entry.linked += 1;
  }
  return counts;
}

/**
 * `Integration`, plus the undeclared fields real payloads carry (`supportedEnvironments`,
 * `linkedConnectionsCount`, `totalConnectionsCount`).
 */
export function renderIntegration(platform: Platform, counts: ConnectionCounts | undefined, origin: string) {
  return {
    key: platform.key,
    logoUrl: `${staticBase(origin)}/platforms/${platform.key}.png`,
    name: platform.name,
    enabled: platform.enabled,
    sourceId: platform.sourceId,
    sourceType: platform.sourceType,
    integrationId: platform.integrationId,
    isOfflineConnector: platform.isOfflineConnector ?? false,
    isBeta: platform.isBeta ?? false,
    dataProvidedBy: 'Codat',
    datatypeFeatures: datatypeFeatures(platform.sourceType),
    supportedEnvironments: platform.sandbox ? 'SandboxOnly' : 'LiveAndSandbox',
    linkedConnectionsCount: counts?.linked ?? 0,
    totalConnectionsCount: counts?.total ?? 0,
  };
}

/** `Branding`: official logo and button images, addressed by upper-case source id. */
export function renderBranding(platform: Platform, origin: string) {
  const sourceId = platform.sourceId.toUpperCase();
  const name = platform.name.toLowerCase();
  const image = (folder: string, alt: string) => ({ image: { src: `${staticBase(origin)}/${folder}/${sourceId}.png`, alt } });
  return {
    logo: {
      full: image('officialLogos/Full', `${name} full icon`),
      square: image('officialLogos/Square', `${name} square icon`),
    },
    button: {
      default: image('officialButtons/Full', `${name} default button icon`),
      hover: image('officialButtons/Hover', `${name} hover button icon`),
    },
    sourceId: platform.sourceId,
  };
}
