// Browser test: the regulator's lists across enterprises (issue 17) — each row names its company, the outage list fits a
// 1440 px screen, and bills show the household masked until the regulator names a case (audited on the server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;
let page: Page;

/** The texts of one column of the first table on the page, by its header. */
async function column(p: Page, header: string): Promise<string[]> {
  const rows = p.locator('.ant-table-tbody tr.ant-table-row');
  await rows.first().waitFor();
  const headers = await p.$$eval('.ant-table-thead th', (ths) => ths.map((th) => th.textContent ?? ''));
  const i = headers.findIndex((h) => h.trim() === header);
  expect(i, `${header} in ${headers.join('|')}`).toBeGreaterThan(-1);
  return rows.evaluateAll((trs, n) => trs.map((tr) => (tr.children[n] as HTMLElement).innerText.trim()), i);
}

describe.skipIf(!process.env.RANRE_E2E)("the regulator's lists across enterprises (browser)", () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
    page = await signInPage(browser, server.url, 'regulator', { width: 1440, height: 900 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the outage-notice list fits 1440 px: no cell spills into the next', async () => {
    await page.goto(`${server.url}/notices`);
    await page.getByTestId('notices-table').locator('tbody tr.ant-table-row').first().waitFor();
    const spilled = await page.$$eval('[data-testid="notices-table"] tbody td.nowrap', (tds) =>
      tds.filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.textContent),
    );
    expect(spilled).toEqual([]);
  });

  it('bills, billing runs and prices name the company of each row', async () => {
    await page.goto(`${server.url}/bills`);
    expect((await column(page, '企业')).every((c) => c.endsWith('公司'))).toBe(true);
    await page.goto(`${server.url}/billing`);
    expect((await column(page, '企业')).every((c) => c.endsWith('公司'))).toBe(true);
    await page.goto(`${server.url}/prices`);
    expect((await column(page, '企业')).every((c) => c.endsWith('公司'))).toBe(true);
  });

  it('a bill shows the household masked; the regulator sees it for a named case', async () => {
    await page.goto(`${server.url}/bills`);
    const names = await column(page, '户名');
    expect(names.every((n) => n.includes('*'))).toBe(true);
    await page.locator('.ant-table-tbody tr.ant-table-row a').first().click();
    await page.getByTestId('bill-reveal').click();
    await page.getByTestId('bill-reveal-reason').fill('投诉案件 2026-17');
    await page.getByTestId('bill-reveal-submit').click();
    const shown = (await page.getByTestId('bill-revealed').textContent()) ?? '';
    expect(shown).toContain('已留痕');
    expect(shown).not.toContain('*');
  });
});
