import { expect, test } from '@playwright/test';
import { emulatorApi } from '../support/emulator-api.js';
import { EMULATOR_URL } from '../support/stack.js';

test.describe('a customer opens the Link URL they were sent', () => {
  test('picks QuickBooks Online Bank Feeds on the company Link page and authorizes it', async ({ page }, testInfo) => {
    const api = emulatorApi(EMULATOR_URL);
    const company = await api.post('/companies', { name: 'Playwright Bakery Ltd' });

    await page.goto(company.redirect);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Playwright Bakery Ltd');
    await page.screenshot({ path: testInfo.outputPath('1-company-link-page.png'), fullPage: true });

    await page.getByRole('button', { name: 'Connect QuickBooks Online Bank Feeds' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Authorize QuickBooks Online Bank Feeds');
    await page.screenshot({ path: testInfo.outputPath('2-authorize-page.png'), fullPage: true });

    await page.getByRole('button', { name: 'Authorize QuickBooks Online Bank Feeds' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Connected');
    await page.screenshot({ path: testInfo.outputPath('3-connected.png'), fullPage: true });

    const { dataConnections } = await api.get(`/companies/${company.id}`);
    expect(dataConnections).toHaveLength(1);
    expect(dataConnections[0]).toMatchObject({ integrationKey: 'hcws', status: 'Linked' });
  });

  test('cancels on the connection link and the connection records why', async ({ page }, testInfo) => {
    const api = emulatorApi(EMULATOR_URL);
    const company = await api.post('/companies', { name: 'Playwright Florists' });
    const connection = await api.post(`/companies/${company.id}/connections`, { platformKey: 'gbol' });

    await page.goto(connection.linkUrl);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Linking cancelled');
    await page.screenshot({ path: testInfo.outputPath('cancelled.png'), fullPage: true });

    const after = await api.get(`/companies/${company.id}/connections/${connection.id}`);
    expect(after.status).toBe('PendingAuth');
    expect(after.dataConnectionErrors).toEqual([
      expect.objectContaining({ statusCode: '403', statusText: 'User cancelled linking', status: 'Active' }),
    ]);
  });

  test('an expired bank-feed link answers 401', async ({ page }) => {
    const api = emulatorApi(EMULATOR_URL);
    const company = await api.post('/companies', { name: 'Playwright Expired Links' });
    const connection = await api.post(`/companies/${company.id}/connections`, { platformKey: 'hcws' });
    await api.post('/_emulator/clock/advance', { ms: 61 * 60 * 1000 });
    const response = await page.goto(connection.linkUrl);
    expect(response?.status()).toBe(401);
  });
});
