// Placeholder: being written.
export const auditEvents = { name: 'audit-events' };
