import type { Permission } from '@console/contracts';

type Action = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export' | string;

/** Which permission each screen and button needs; mirrors the BFF's table (the BFF enforces it). */
const RESOURCE_PERMISSIONS: Record<string, Partial<Record<Action, Permission>> & { default: Permission }> = {
  companies: { default: 'companies.read', create: 'companies.create', edit: 'companies.create', delete: 'companies.delete' },
  connections: { default: 'companies.read', create: 'companies.create', delete: 'companies.delete', unlink: 'connections.unlink' },
  integrations: { default: 'companies.read' },
  'source-accounts': { default: 'diagnostics.read', create: 'source-accounts.write', edit: 'source-accounts.write', delete: 'source-accounts.write' },
  'pull-operations': { default: 'diagnostics.read', refresh: 'data.refresh' },
  'data-status': { default: 'diagnostics.read', refresh: 'data.refresh' },
  'audit-events': { default: 'audit.read', export: 'audit.read' },
  staff: { default: 'staff.manage' },
  links: { default: 'links.reveal' },
  reports: { default: 'reports.read', close: 'months.close' },
  'connection-error-groups': { default: 'diagnostics.read', export: 'reports.read' },
  incidents: { default: 'diagnostics.read' },
  notes: { default: 'diagnostics.read', create: 'notes.write' },
  'mirror-syncs': { default: 'staff.manage', create: 'staff.manage' },
  jobs: { default: 'diagnostics.read', create: 'data.refresh' },
};

export function permissionFor(resource: string, action: Action): Permission | undefined {
  const entry = RESOURCE_PERMISSIONS[resource];
  if (!entry) return undefined;
  return entry[action] ?? entry.default;
}
