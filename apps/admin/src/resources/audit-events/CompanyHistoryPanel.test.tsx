import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DATA_COMPANY_ID } from '../../test/fixtures/data-status';
import { auditEventsFail, auditEventsHandlers, auditEventsHang } from '../../test/handlers/audit-events';
import { renderPanel } from '../../test/renderPanel';
import { CompanyHistoryPanel } from './CompanyHistoryPanel';

const panel = <CompanyHistoryPanel companyId={DATA_COMPANY_ID} />;

describe('CompanyHistoryPanel', () => {
  it('lists the company’s audit entries, newest first, with who, outcome and reason', async () => {
    const api = auditEventsHandlers();
    renderPanel(panel, { role: 'finance', handlers: api.handlers });
    const table = await screen.findByRole('table', { name: 'Staff actions on this company' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('companies.delete');
    expect(rows[0]).toHaveTextContent('cs@console.testCustomer success');
    expect(rows[0]).toHaveTextContent('RefusedYour role may not delete companies');
    expect(rows[1]).toHaveTextContent('source account acc-001');
    expect(api.requests[0]).toEqual({ companyId: DATA_COMPANY_ID });
  });

  it('shows a note instead of calling the API for roles without audit.read', async () => {
    const api = auditEventsHandlers();
    renderPanel(panel, { role: 'support', handlers: api.handlers });
    expect(await screen.findByText(/which Finance and Admin can read/)).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });

  it('shows empty, loading and error states', async () => {
    const { unmount } = renderPanel(panel, { handlers: auditEventsHandlers([]).handlers });
    expect(await screen.findByText('No staff actions on this company have been recorded yet.')).toBeInTheDocument();
    unmount();
    const loading = renderPanel(panel, { handlers: auditEventsHang() });
    expect(await screen.findByText('Loading the company’s history…')).toBeInTheDocument();
    loading.unmount();
    renderPanel(panel, { handlers: auditEventsFail() });
    expect(await screen.findByText(/not reachable right now\.$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy request id req-audit-503' })).toBeInTheDocument();
  });
});
