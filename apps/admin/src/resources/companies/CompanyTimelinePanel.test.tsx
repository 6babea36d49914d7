import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { XERO_GROUP_ID } from '../../test/fixtures/error-groups';
import { timelineFail, timelineHandlers, timelineHang } from '../../test/handlers/timeline';
import { renderPanel } from '../../test/renderPanel';
import { CompanyTimelinePanel } from './CompanyTimelinePanel';

const COMPANY_ID = '11111111-1111-4111-8111-111111111111';
const T = { timeout: 5000 };

describe('Company timeline', () => {
  it('lists status changes and errors newest first, with notes', async () => {
    renderPanel(<CompanyTimelinePanel companyId={COMPANY_ID} />, { role: 'support', handlers: timelineHandlers() });
    const list = await screen.findByRole('list', { name: 'Timeline entries' }, T);
    const items = within(list).getAllByRole('listitem').filter((item) => item.parentElement === list);
    expect(items[0]).toHaveTextContent('Xero error: 503 Service Unavailable');
    expect(items[0]).toHaveTextContent('Xero confirmed an outage on their status page.');
    expect(within(items[0]!).getByRole('link', { name: 'See everyone with this error' })).toHaveAttribute('href', `#/connection-error-groups/${XERO_GROUP_ID}/show`);
    expect(items[1]).toHaveTextContent('Xero: PendingAuth → Linked');
    expect(items[1]).toHaveTextContent('from a Codat webhook');
    expect(items[2]).toHaveTextContent('Company created');
    expect(screen.getByText('Customer re-linked on a call.')).toBeInTheDocument();
    expect(screen.getByText(/Data refreshed at/)).toBeInTheDocument();
    expect(await screen.findByRole('textbox', { name: 'New note' })).toBeInTheDocument();
  });

  it('says when nothing has changed', async () => {
    renderPanel(<CompanyTimelinePanel companyId={COMPANY_ID} />, { handlers: timelineHandlers({ entries: [], total: 0, connections: [] }) });
    expect(await screen.findByText(/Nothing has changed for this company/, {}, T)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Export timeline (CSV)' })).toHaveAttribute('href', `/api/companies/${COMPANY_ID}/timeline/export`);
  });

  it('shows a loading state', async () => {
    renderPanel(<CompanyTimelinePanel companyId={COMPANY_ID} />, { handlers: timelineHang() });
    expect(await screen.findByText('Loading the timeline…', {}, T)).toBeInTheDocument();
  });

  it('shows the BFF error with its request id', async () => {
    renderPanel(<CompanyTimelinePanel companyId={COMPANY_ID} />, { handlers: timelineFail() });
    expect(await screen.findByText('Could not load the timeline', {}, T)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy request id req-tl-404' })).toBeInTheDocument();
  });
});
