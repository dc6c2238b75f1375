// Browser test of the evaluation cockpit (issue 14): the regulator opens 评价考核 from the menu, sees every
// enterprise against the G-12.4 / H-10.5 indicators with targets, verdicts, ranks and a chart per indicator, opens a
// figure's drill-down (its count equals the figure, numerator and denominator) and follows a record to its order;
// an enterprise admin sees only his own enterprise. The demo data is seeded relative to today, so the test checks
// structure and agreement, not fixed numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;
const shot = (p: Page, name: string) => screenshot(p, name, true, 800);

/** Opens the cockpit for the current year (the demo month of orders lies in it, or in its last days). */
async function openCockpit(page: Page) {
  await page.getByTestId('menu-evaluation').click();
  await page.getByTestId('page-evaluation').waitFor();
  await page.getByTestId('eval-period-kind').getByText('年度').click();
  await page.getByTestId('eval-table').locator('[data-testid^="eval-cell-"]').first().waitFor();
}

describe.skipIf(!process.env.RANRE_E2E)('evaluation cockpit (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    // The machine is shared: a loaded one can take minutes to seed the demo and start.
    server = await startServer(300_000);
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-12.4 / H-10.5: the regulator sees enterprises × indicators, charts, and a figure equal to its drill-down', async () => {
    const page = await signInPage(browser, server.url, 'regulator');
    await openCockpit(page);
    const rows = page.getByTestId('eval-table').locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator('[data-testid^="eval-chart-"] canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid^="eval-status-"]').count()).toBeGreaterThan(0);
    const header = await page.getByTestId('eval-table').locator('thead').textContent();
    expect(header).toContain('H-10.5.4');
    expect(header).toContain('≥ 95%');
    await shot(page, 'evaluation-cockpit');

    // The first figure that counted something: its denominator and numerator lists have exactly its counts.
    // A rate's figure counts records; an average (window wait) or an amount ratio (accident rate) sums amounts.
    const cells = page.locator(
      '[data-testid^="eval-cell-"]:not([data-testid="eval-cell-window_wait"]):not([data-testid="eval-cell-heating_accident_rate"])',
    );
    let chosen = -1;
    for (let i = 0; i < (await cells.count()); i += 1) {
      if (Number(await cells.nth(i).getByTestId('eval-denominator').textContent()) > 0) {
        chosen = i;
        break;
      }
    }
    expect(chosen).toBeGreaterThanOrEqual(0);
    const cell = cells.nth(chosen);
    const numerator = Number(await cell.getByTestId('eval-numerator').textContent());
    const denominator = Number(await cell.getByTestId('eval-denominator').textContent());
    await cell.getByTestId('eval-denominator').click();
    const drawer = page.getByTestId('eval-drilldown');
    await drawer.waitFor();
    // Right after start-up the server's first jobs (watchers over every open order, on one PGlite connection) can
    // hold the first drill-down for several seconds on a loaded machine: wait for the answer, then compare.
    const settled = { timeout: 60_000 };
    await expect
      .poll(async () => Number(await drawer.getByTestId('eval-drill-total').textContent()), settled)
      .toBe(denominator);
    await expect
      .poll(() => drawer.locator('tbody tr.ant-table-row').count(), settled)
      .toBe(Math.min(denominator, 20));
    await shot(page, 'evaluation-drilldown');
    await drawer.getByText('分子', { exact: true }).click();
    await expect
      .poll(async () => Number(await drawer.getByTestId('eval-drill-total').textContent()))
      .toBe(numerator);

    await drawer.getByText('分母', { exact: true }).click();
    const link = drawer.getByTestId('eval-drill-link').first();
    if ((await link.count()) > 0) {
      await link.click();
      await page.getByTestId('page-order').waitFor();
      expect(page.url()).toMatch(/\/orders\/[0-9a-f-]{36}$/);
    }
  });

  it("the regulator sees each indicator's trend and downloads the figures of the period as an Excel workbook", async () => {
    const page = await signInPage(browser, server.url, 'regulator');
    await openCockpit(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('eval-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^评价考核-\d{4}\.xlsx$/);
    const bytes = await (await download.createReadStream()).toArray();
    expect(Buffer.concat(bytes).subarray(0, 2).toString()).toBe('PK'); // a zip: the xlsx container
    await page.context().close();
  });

  it("the regulator filters the cockpit by district and opens an enterprise's PDF evaluation report", async () => {
    const page = await signInPage(browser, server.url, 'regulator');
    await openCockpit(page);
    const rows = page.getByTestId('eval-table').locator('tbody tr.ant-table-row');
    const all = await rows.count();
    await page.getByTestId('eval-district').click();
    await page.locator('.ant-select-item-option[title="临淄区"]').first().click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('临淄');
    expect(all).toBeGreaterThan(1);
    await shot(page, 'evaluation-district');
    const href = await rows.first().getByTestId('eval-report-link').getAttribute('href');
    expect(href).toMatch(/^\/api\/evaluation\/report\.pdf\?period=\d{4}&enterpriseId=[0-9a-f-]{36}$/);
    const res = await page.request.get(`${server.url}${href!}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });

  it('an enterprise admin sees only his own enterprise', async () => {
    const page = await signInPage(browser, server.url, 'heat_admin');
    await openCockpit(page);
    const rows = page.getByTestId('eval-table').locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('热');
    // H-10.5.1 is among the heating company's indicators, and its own report is one button away.
    expect(await page.getByTestId('eval-table').locator('thead').textContent()).toContain('H-10.5.1');
    const href = await page.getByTestId('eval-report').getAttribute('href');
    const res = await page.request.get(`${server.url}${href!}`);
    expect(res.headers()['content-type']).toBe('application/pdf');
    await shot(page, 'evaluation-enterprise');
  });

  it('G-12.2, G-12.3: the enterprise admin records a self-evaluation; a year not yet over cannot be published', async () => {
    const page = await signInPage(browser, server.url, 'heat_admin');
    await openCockpit(page);
    const card = page.getByTestId('eval-statements');
    await card.getByTestId('eval-statement-body').fill('本年度回访满意率达标，投诉处结仍需加快。');
    await card.getByTestId('eval-statement-submit').click();
    await card.getByTestId('eval-statement-self_evaluation').waitFor();
    expect(await card.getByTestId('eval-statement-self_evaluation').textContent()).toContain(
      '投诉处结仍需加快',
    );
    await card.getByTestId('eval-publish').click();
    await page.getByText(/尚未结束/).waitFor();
    expect(await card.getByTestId('eval-statement-publication').count()).toBe(0);
  });
});
