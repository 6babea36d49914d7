import { ListGuesser } from 'react-admin';

// Placeholder: being written.
export const companies = { name: 'companies', list: ListGuesser };
