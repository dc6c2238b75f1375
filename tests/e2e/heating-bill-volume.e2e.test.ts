// Browser test: a heating company's bills show no gas volume (issue 17: they showed 用气量 0.000).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;

describe.skipIf(!process.env.RANRE_E2E)('heating bills in the bill list (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a heating bill shows a dash for the gas volume, on the list and on the bill', async () => {
    const page = await signInPage(browser, server.url, 'heat_admin');
    await page.goto(`${server.url}/bills`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const header = await page.$$eval('.ant-table-thead th', (ths) => ths.map((th) => th.textContent ?? ''));
    const column = header.findIndex((h) => h.includes('用气量'));
    expect(column).toBeGreaterThan(-1);
    const volumes = await rows.evaluateAll(
      (trs, i) => trs.map((tr) => (tr.children[i] as HTMLElement | undefined)?.innerText.trim() ?? ''),
      column,
    );
    expect(volumes.length).toBeGreaterThan(0);
    expect(volumes.every((v) => v === '—')).toBe(true);

    await rows.first().locator('a').first().click();
    await page.getByTestId('bill-amount').waitFor();
    const labels = await page.$$eval('.ant-descriptions-item-label', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(labels.some((l) => l.includes('用气量'))).toBe(false);
    await page.context().close();
  });
});
