import { pageOf, type Page } from '../schemas/common.js';
import {
  brandingSchema,
  integrationSchema,
  type Branding,
  type Integration,
} from '../schemas/integrations.js';
import type { Caller } from './caller.js';
import { path } from './paths.js';
import { listQuery, walkPages, type ListParams } from './paging.js';

const integrationPageSchema = pageOf(integrationSchema);

export function integrationsOperations(caller: Caller) {
  const list = (params: ListParams = {}): Promise<Page<Integration>> =>
    caller.json(
      {
        operation: 'integrations.list',
        method: 'GET',
        path: '/integrations',
        query: listQuery(params),
      },
      integrationPageSchema,
    );

  return {
    list,
    pages: (params: ListParams = {}) => walkPages(params, list),
    get: (platformKey: string): Promise<Integration> =>
      caller.json(
        { operation: 'integrations.get', method: 'GET', path: path`/integrations/${platformKey}` },
        integrationSchema,
      ),
    /** Changes rarely: worth caching, unlike Link URLs. */
    branding: (platformKey: string): Promise<Branding> =>
      caller.json(
        {
          operation: 'integrations.branding',
          method: 'GET',
          path: path`/integrations/${platformKey}/branding`,
        },
        brandingSchema,
      ),
  };
}
