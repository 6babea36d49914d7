import { describe, expect, it } from 'vitest';
import { can, ROLES, type Permission } from './permissions.js';

// DESIGN.md §5, row by row: which roles hold each permission.
const MATRIX: Record<Permission, string[]> = {
  'companies.read': ['customer_success', 'support', 'finance', 'admin'],
  'links.reveal': ['customer_success', 'support', 'admin'],
  'companies.create': ['customer_success', 'support', 'admin'],
  'diagnostics.read': ['customer_success', 'support', 'finance', 'admin'],
  'data.refresh': ['support', 'admin'],
  'connections.unlink': ['support', 'admin'],
  'source-accounts.write': ['support', 'admin'],
  'companies.delete': ['admin'],
  'reports.read': ['finance', 'admin'],
  'audit.read': ['finance', 'admin'],
  'staff.manage': ['admin'],
  // Not in DESIGN.md's matrix: finance's invoices and month close (issue 13).
  'months.close': ['finance', 'admin'],
  // Not in DESIGN.md's matrix: support's notes on error groups and connections (issue 6).
  'notes.write': ['support', 'admin'],
};

describe('role permissions', () => {
  it.each(Object.entries(MATRIX))('%s is held by exactly %j', (permission, holders) => {
    expect(ROLES.filter((role) => can(role, permission as Permission))).toEqual(holders);
  });
});
