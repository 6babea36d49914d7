import { readFile } from 'node:fs/promises';
import { csvRows } from '@console/contracts';
import { ErrorGroupPage } from '../pages/ErrorGroupPage.js';
import { ErrorGroupsPage } from '../pages/ErrorGroupsPage.js';
import { IncidentsPage } from '../pages/IncidentsPage.js';
import { JobPage } from '../pages/JobPage.js';
import { AppShell } from '../pages/AppShell.js';
import { emulator } from '../support/control.js';
import { expect, signInAs, syncMirror, test } from '../support/fixtures.js';

const GROUP_TITLE = 'Xero: 503 Service Unavailable';

interface CodatCompany {
  id: string;
  name: string;
  dataConnections?: Array<{ id: string; integrationKey: string; status: string; dataConnectionErrors?: Array<{ statusCode: string; status?: string }> }>;
}

/** The companies the demo's Xero outage hits now, and their failing connections, from the emulator itself. */
async function outageInCodat() {
  const { results } = (await emulator.get('/companies?pageSize=5000')) as { results: CodatCompany[] };
  const connections = results.flatMap((company) =>
    (company.dataConnections ?? [])
      .filter((c) => c.integrationKey === 'gbol' && c.dataConnectionErrors?.some((e) => e.statusCode === '503' && e.status === 'Active'))
      .map((c) => ({ companyId: company.id, companyName: company.name, connectionId: c.id, status: c.status })),
  );
  return { connections, companyIds: [...new Set(connections.map((c) => c.companyId))].sort() };
}

test.describe('support works a platform incident from the error groups', () => {
  test('filters the groups to the Xero incident, refreshes every affected company, watches the job finish and exports the outreach list', async ({ page, shot }) => {
    test.setTimeout(180_000);
    // The mirror syncs the freshly seeded demo (with its Xero outage) first.
    await syncMirror();
    const outage = await outageInCodat();
    expect(outage.companyIds.length).toBeGreaterThanOrEqual(5);

    await signInAs(page, 'support');
    const shell = new AppShell(page);
    await shell.menuItem('Connection errors').click();
    const groups = new ErrorGroupsPage(page);
    await groups.expectLoaded();
    await expect(groups.rows()).not.toHaveCount(1);
    await shot('all-error-groups');

    // Filter to the incident: Xero, probable incidents only.
    await groups.choosePlatform('Xero');
    await groups.incidentsOnly.check();
    await expect.poll(() => groups.urlFilter()).toEqual({ platform: 'gbol', probableIncident: true });
    await expect(groups.rows()).toHaveCount(1);
    const row = groups.rows().first();
    await expect(row).toContainText('503');
    await expect(row).toContainText('Probable incident');
    await expect(row.getByRole('cell').nth(4)).toHaveText(String(outage.companyIds.length));

    // The filtered view survives a reload (it is what a colleague gets from the URL).
    const shared = page.url();
    await page.reload();
    await groups.expectLoaded();
    expect(page.url()).toBe(shared);
    await expect(groups.incidentsOnly).toBeChecked();
    await expect(groups.platform).toHaveText('Xero');
    await expect(groups.rows()).toHaveCount(1);
    await shot('filtered-to-the-incident');

    // Refresh every affected company, as one server-side job.
    await groups.openGroup('Xero');
    const group = new ErrorGroupPage(page);
    await expect(group.heading(GROUP_TITLE)).toBeVisible();
    await group.refreshAll.click();
    await expect(page.getByText(`Refresh ${outage.companyIds.length} companies?`)).toBeVisible();
    await shot('confirm-bulk-refresh');
    await group.confirmRefresh.click();

    const job = new JobPage(page);
    await expect(job.heading).toBeVisible();
    const total = outage.companyIds.length;
    await expect(job.status(new RegExp(`^Finished: ${total} of ${total} companies`))).toBeVisible({ timeout: 90_000 });
    await expect(job.progress).toHaveAttribute('aria-valuenow', '100');
    await expect(page.getByText(/0 failed/)).toBeVisible();
    await expect(job.results.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(total);
    await shot('job-finished');

    // The outreach list from the incidents screen: one row per failing connection, for customer success.
    await shell.menuItem('Incidents').click();
    const incidents = new IncidentsPage(page);
    await expect(incidents.heading).toBeVisible();
    await expect(page.getByText(/at least 5 companies .* 5× /)).toBeVisible();
    const incident = incidents.incident(GROUP_TITLE);
    await expect(incident.getByText('Ongoing, still growing')).toBeVisible();
    await expect(incident.getByRole('img', { name: /^Affected companies per day over 30 days/ })).toBeVisible();
    await shot('incident');
    const [download] = await Promise.all([page.waitForEvent('download'), incident.getByRole('link', { name: 'Export outreach list with relink URLs (CSV)' }).click()]);
    const rows = csvRows(await readFile((await download.path())!, 'utf8'));
    expect(rows.map((r) => r.connectionId).sort()).toEqual(outage.connections.map((c) => c.connectionId).sort());
    expect([...new Set(rows.map((r) => r.companyId))].sort()).toEqual(outage.companyIds);
    for (const r of rows) {
      const expected = outage.connections.find((c) => c.connectionId === r.connectionId)!;
      expect(r).toMatchObject({ company: expected.companyName, platform: 'Xero', status: expected.status });
      expect(r.error).toMatch(/^503 Service Unavailable/);
      // Linked connections need no relink: the list says so instead of a URL.
      expect(r.relinkUrl || r.relinkNote).toBeTruthy();
    }
  });
});
