export const ROLES = ['customer_success', 'support', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** One permission per row of the role matrix in DESIGN.md §5. */
export const PERMISSIONS = {
  'companies.read': 'search and view companies, connections, integrations',
  'links.reveal': 'reveal / copy Link, connection and invite URLs',
  'companies.create': 'create company, create connection',
  'diagnostics.read': 'view dataConnectionErrors, data status, sync history',
  'notes.write': 'annotate error groups and connections',
  'data.refresh': 'queue refreshes',
  'connections.unlink': 'unlink connection',
  'source-accounts.write': 'create / edit / delete source accounts',
  'companies.delete': 'delete connection, delete company',
  'reports.read': 'connection-count reports and exports',
  'months.close': "enter a month's invoice and close the month",
  'audit.read': 'read audit log',
  'staff.manage': 'manage staff accounts',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const EVERYONE: Permission[] = ['companies.read', 'diagnostics.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  customer_success: [...EVERYONE, 'links.reveal', 'companies.create'],
  support: [...EVERYONE, 'links.reveal', 'companies.create', 'data.refresh', 'connections.unlink', 'source-accounts.write', 'notes.write'],
  finance: [...EVERYONE, 'reports.read', 'months.close', 'audit.read'],
  admin: Object.keys(PERMISSIONS) as Permission[],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  customer_success: 'Customer success',
  support: 'Support',
  finance: 'Finance',
  admin: 'Admin',
};
