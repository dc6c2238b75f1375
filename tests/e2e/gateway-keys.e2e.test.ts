// Browser test of H-5.4.1 (issue 21): the heating company's admin issues a gateway key on its page (shown once),
// a gateway posts readings with it, the admin revokes it and the next batch is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;

describe.skipIf(!process.env.RANRE_E2E)('gateway keys (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('H-5.4.1: a key issued on the page sends readings without a session; once revoked it is refused', async () => {
    const page = await signInPage(browser, server.url, 'heat_admin');
    await page.getByTestId('menu-gateways').click();
    await page.getByTestId('page-gateways').waitFor();
    await page.getByTestId('gw-gateway').fill('station-01');
    await page.getByTestId('gw-name').fill('一号换热站网关');
    await page.getByTestId('gw-issue').click();
    const key = ((await page.getByTestId('gw-issued-key').textContent()) ?? '').trim();
    expect(key).toMatch(/^rgk_/);

    const post = () =>
      fetch(`${server.url}/api/sensors/readings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          readings: [{ sensorId: 'ZB-RT-0001', at: new Date().toISOString(), temperature: 19.5 }],
        }),
      });
    const sent = await post();
    expect(sent.status).toBe(200);
    expect(((await sent.json()) as { received: number }).received).toBe(1);

    // Close the key's dialog with its button and wait until it is gone, so it no longer covers the table.
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    const row = page.getByTestId('gw-row-station-01');
    await row.getByTestId('gw-revoke').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await row.getByText('已吊销').waitFor();
    const refused = await post();
    expect(refused.status).toBe(401);
    await page.context().close();
  });
});
