// Browser test of survey answers from a file (issue 14: G-12.4.5, H-3.14, H-10.3.2): the heating company's admin, in
// 热线与窗口 → 满意度调查, picks a third party's results as CSV, checks it (a bad grade reported with its row, nothing
// recorded), imports the good rows and sees them listed. The date is yesterday in Shanghai, whenever the test runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;

describe.skipIf(!process.env.RANRE_E2E)('survey answers from a file (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-12.4.5 a third party’s results are checked first, a bad row reported, then the good ones recorded and listed', async () => {
    const page = await signInPage(browser, server.url, 'heat_admin');
    const yesterday = new Date(Date.now() + 8 * 3600 * 1000 - 86_400_000).toISOString().slice(0, 10);
    const stamp = Date.now().toString(36).toUpperCase();
    const csv = [
      '调查单位,调查日期,受访者,总体评价,室温',
      `淄博市城市调查队,${yesterday},E2E-${stamp}-1,满意,满意`,
      `淄博市城市调查队,${yesterday},E2E-${stamp}-2,基本满意,不满意`,
      `淄博市城市调查队,${yesterday},E2E-${stamp}-3,还行,满意`,
    ].join('\r\n');
    await page.goto(`${server.url}/calls`);
    await page.getByTestId('page-calls').waitFor();
    await page.getByRole('tab', { name: '满意度调查' }).click();
    const card = page.getByTestId('surveys-import-card');
    await card.waitFor();
    await card.locator('input[type=file]').setInputFiles({
      name: '第三方调查.csv',
      mimeType: 'text/csv',
      buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]),
    });
    await page.getByTestId('surveys-check').click();
    const result = page.getByTestId('surveys-import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('可导入 2 条');
    expect(await result.textContent()).toContain('第 4 行');
    expect(await result.textContent()).toContain('还行');
    await page.getByTestId('surveys-import').click();
    await expect.poll(() => result.textContent()).toContain('已导入 2 条');
    await expect.poll(() => page.getByText(`E2E-${stamp}-2`).count()).toBeGreaterThan(0);
    await screenshot(page, 'survey-import', true, 600);
  });
});
