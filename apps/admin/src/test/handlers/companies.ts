import { http, HttpResponse } from 'msw';
import type { CompanyRecord, DuplicateCandidate, DuplicateReason } from '../../resources/companies/types';
import type { ConnectionRecord } from '../../resources/connections/types';
import { aCompany, companyFixtures } from '../fixtures/companies';
import { connectionsHandlers } from './connections';
import { integrationsHandlers } from './integrations';
import { linkHandlers } from './links';
import { apiError, listResponse } from './simple-rest-list';

type Row = Record<string, unknown>;

/** Companies and their connections, changed by the handlers as the BFF would (create, unlink, delete). */
export interface CompanyWorld {
  companies: CompanyRecord[];
  connections: ConnectionRecord[];
}

export const companyWorld = (): CompanyWorld => companyFixtures();

/** Recomputes a company's platforms and counts after its connections changed. */
export function syncCompany(world: CompanyWorld, companyId: string) {
  const index = world.companies.findIndex((company) => company.id === companyId);
  if (index === -1) return;
  const company = world.companies[index]!;
  const { platforms, connectionCount, activeErrorCount } = aCompany({ id: company.id, name: company.name }, world.connections);
  world.companies[index] = { ...company, platforms, connectionCount, activeErrorCount };
}

const matchesQ = (company: CompanyRecord, value: unknown) => {
  const text = String(value).toLowerCase();
  return (
    company.name.toLowerCase().includes(text) ||
    (company.description ?? '').toLowerCase().includes(text) ||
    company.id === text ||
    (company.merchantId ?? '').toLowerCase().includes(text) ||
    company.platforms.some((platform) => platform.connectionId === text)
  );
};

function duplicateCandidates(world: CompanyWorld, name: string, merchantId?: string): DuplicateCandidate[] {
  const words = name.toLowerCase().split(/\W+/).filter((word) => word.length >= 4);
  return world.companies.flatMap((company) => {
    const matchedOn: DuplicateReason[] = [];
    if (merchantId && company.merchantId?.toLowerCase() === merchantId.toLowerCase()) matchedOn.push('merchantId');
    if (company.name.toLowerCase() === name.toLowerCase()) matchedOn.push('sameName');
    else if (words.some((word) => company.name.toLowerCase().includes(word))) matchedOn.push('similarName');
    return matchedOn.length ? [{ ...company, matchedOn }] : [];
  });
}

export const MIRROR_REFRESHED_AT = '2026-05-01T08:00:00.000Z';

/** The `companies` resource over `world`, with the BFF's filters and its 409 possible_duplicate. */
export function companiesHandlers(world: CompanyWorld = companyWorld()) {
  return [
    http.get('*/api/companies', ({ request }) =>
      listResponse('companies', request, world.companies as unknown as Row[], {
        q: (record, value) => matchesQ(record as unknown as CompanyRecord, value),
        status: (record, value) => {
          const { platforms } = record as unknown as CompanyRecord;
          return value === 'NoConnections' ? platforms.length === 0 : platforms.some((platform) => platform.status === value);
        },
        platform: (record, value) => (record as unknown as CompanyRecord).platforms.some((platform) => platform.key === value),
      }),
    ),
    // As the BFF: the mirror's copy (with its freshness), or with live=true Codat's, with the connections.
    http.get('*/api/companies/:id', ({ params, request }) => {
      const company = world.companies.find((candidate) => candidate.id === params.id);
      if (!company) return apiError(404, 'Codat has no company with this id.', { code: 'not_found', requestId: 'req-404' });
      if (new URL(request.url).searchParams.get('live') === 'true') {
        return HttpResponse.json({ ...company, connections: world.connections.filter((connection) => connection.companyId === company.id) });
      }
      return HttpResponse.json(company, { headers: { 'X-Mirror-Refreshed-At': MIRROR_REFRESHED_AT } });
    }),
    http.post('*/api/companies', async ({ request }) => {
      const body = (await request.json()) as { name: string; merchantId?: string; description?: string; confirmNewCompany?: { reason: string } };
      const candidates = duplicateCandidates(world, body.name, body.merchantId);
      if (!body.confirmNewCompany && candidates.length > 0) {
        return apiError(409, `${candidates.length} existing companies look like the same customer.`, {
          code: 'possible_duplicate',
          requestId: 'req-dup-1',
          details: { candidates },
        });
      }
      const company = aCompany({ id: `e0000000-0000-4000-8000-${String(world.companies.length).padStart(12, '0')}`, name: body.name, merchantId: body.merchantId ?? null, description: body.description ?? null, created: new Date().toISOString() });
      world.companies.push(company);
      return HttpResponse.json(company, { status: 201 });
    }),
    http.put('*/api/companies/:id', async ({ params, request }) => {
      const index = world.companies.findIndex((company) => company.id === params.id);
      if (index === -1) return apiError(404, 'Codat has no company with this id.', { code: 'not_found' });
      const body = (await request.json()) as Partial<CompanyRecord>;
      const current = world.companies[index]!;
      const merchantId = body.merchantId === undefined ? current.merchantId : body.merchantId || null;
      world.companies[index] = { ...current, name: body.name ?? current.name, description: body.description ?? current.description, merchantId };
      return HttpResponse.json(world.companies[index]);
    }),
    http.delete('*/api/companies/:id', ({ params }) => {
      const company = world.companies.find((candidate) => candidate.id === params.id);
      if (!company) return apiError(404, 'Codat has no company with this id.', { code: 'not_found' });
      world.companies = world.companies.filter((candidate) => candidate !== company);
      return HttpResponse.json(company);
    }),
  ];
}

/** Everything the companies list and company page call: companies, connections, integrations, Link URLs. */
export function companyScenario(world: CompanyWorld = companyWorld()) {
  return [...companiesHandlers(world), ...connectionsHandlers(world), ...integrationsHandlers(), ...linkHandlers(world)];
}

/** Codat's read of the company (live=true) fails; the mirror's copy still answers. */
export const liveCompanyFails = (message = 'Codat did not answer in time.', requestId = 'req-live-502') =>
  http.get('*/api/companies/:id', ({ request }) =>
    new URL(request.url).searchParams.get('live') === 'true' ? apiError(502, message, { code: 'codat_unavailable', requestId }) : undefined,
  );

export const companiesFail = (message = 'Codat did not answer in time.', requestId = 'req-co-502') => [
  http.get('*/api/companies', () => apiError(502, message, { code: 'codat_unavailable', requestId })),
];

/** Never answers: the loading state stays on screen. */
export const companiesHang = () => [http.get('*/api/companies', () => new Promise<never>(() => undefined))];
