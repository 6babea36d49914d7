import { ConnectionCountsPage } from '../pages/ConnectionCountsPage.js';
import { emulator } from '../support/control.js';
import { consoleApiAs, expect, signInAs, syncMirror, test } from '../support/fixtures.js';

const previous = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);

test.describe('finance checks last month against Codat’s invoice', () => {
  test('compares two months, opens the lost connections, reconciles against an invoice CSV and closes the month', async ({ page, shot }) => {
    // A sync of the demo fleet (with its reconstructed months) comes first.
    test.setTimeout(180_000);
    // The mirror syncs (a new install reconstructs the months before it from Codat's records).
    await syncMirror();
    const lastMonth = previous(new Date().toISOString().slice(0, 7));
    const monthBefore = previous(lastMonth);

    await signInAs(page, 'finance');
    const report = new ConnectionCountsPage(page);
    await report.goto(lastMonth);
    await expect(report.trend.getByRole('img', { name: /over 13 months/ })).toBeVisible();
    await expect(report.months.getByRole('row')).toHaveCount(14);
    await shot('last-month-with-trend');

    // Compare: the month before, from the trend's table, and back.
    await report.openMonth(monthBefore);
    await expect(report.page.getByText(/^Figures as of|^Reconstructed, as of the month/)).toBeVisible();
    await report.openMonth(lastMonth);
    await report.changeButton('lost').click();
    const lost = report.changeList('Lost');
    await expect(lost.getByRole('table', { name: 'Lost connections' }).or(lost.getByText('No lost connections this month.'))).toBeVisible();
    await shot('lost-connections');

    // Codat's invoice: every connection Linked in Codat now, as a CSV of connection ids.
    const { results } = (await emulator.get('/companies?pageSize=5000')) as { results: Array<{ id: string; dataConnections?: Array<{ id: string; status: string }> }> };
    const billed = results.flatMap((c) => (c.dataConnections ?? []).filter((d) => d.status === 'Linked').map((d) => `${c.id},${d.id}`));
    await report.invoiceFile.setInputFiles({ name: 'codat-invoice.csv', mimeType: 'text/csv', buffer: Buffer.from(`companyId,connectionId\n${billed.join('\n')}\n`) });
    await expect(report.closePanel.getByText(`Invoice: ${billed.length} connections`)).toBeVisible();
    await expect(report.closePanel.getByRole('heading', { name: /^On the invoice, not counted by the console: \d+$/ })).toBeVisible();
    await expect(report.closePanel.getByRole('heading', { name: /^Counted by the console, not on the invoice: \d+$/ })).toBeVisible();
    await shot('reconciled');

    await report.closeButton(lastMonth).click();
    await expect(report.closePanel.getByText(/was closed by finance@console\.local/)).toBeVisible();
    await expect(report.closePanel.getByRole('link', { name: 'Export closed month pack (CSV)' })).toBeVisible();
    await shot('closed');

    const finance = await consoleApiAs('finance');
    try {
      expect((await finance.post(`/reports/months/${lastMonth}/close`)).status).toBe(409);
      expect((await finance.auditEvents({ action: 'month.close' }))[0]).toMatchObject({ actorEmail: 'finance@console.local' });
    } finally {
      await finance.dispose();
    }
  });
});
