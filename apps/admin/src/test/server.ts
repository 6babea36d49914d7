import { setupServer } from 'msw/node';
import { authHandlers } from './handlers/auth';

/** msw stands in for the BFF in component tests; each test adds the handlers of its scenario. */
export const server = setupServer(...authHandlers());
