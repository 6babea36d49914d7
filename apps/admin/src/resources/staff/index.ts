// Placeholder: being written.
export const staff = { name: 'staff' };
