// Placeholder: being written.
export const connections = { name: 'connections' };
