// Browser test of the regulator's queue across enterprises (issue 14, supervision): the complaints awaiting its
// responsibility decision (H-7.4.8) are a menu away, and deciding one takes it off the queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;

describe.skipIf(!process.env.RANRE_E2E)("the regulator's supervision queue (browser)", () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('H-7.4.8: from the menu the regulator opens an undecided complaint, decides it, and it leaves the queue', async () => {
    const page = await signInPage(browser, server.url, 'regulator', { width: 1440, height: 900 });
    await page.getByRole('menuitem', { name: '投诉工单督办' }).click();
    await page.getByTestId('page-supervision').waitFor();
    // Open orders across companies, the overdue first, each naming its company.
    const rows = page.getByTestId('sv-orders').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const companies = await rows.evaluateAll((trs) =>
      trs.map((tr) => (tr.children[0] as HTMLElement).innerText),
    );
    expect(companies.every((c) => c.endsWith('公司'))).toBe(true);

    await page.getByRole('tab', { name: '待判定有责无责' }).click();
    const queue = page.getByTestId('sv-decisions').locator('tbody tr.ant-table-row');
    await queue.first().waitFor();
    const before = await queue.count();
    const orderNo = (await queue.first().getByTestId('sv-order-link').textContent()) ?? '';
    await queue.first().getByTestId('sv-order-link').click();
    await page.getByTestId('order-header').waitFor();
    await page.getByTestId('action-responsibility_decided').click();
    await page.getByTestId('event-form').getByText('有责', { exact: true }).click();
    await page.getByTestId('event-submit').click();
    await expect.poll(() => page.getByTestId('order-header').textContent()).toContain('有责');

    await page.goBack();
    await page.getByRole('tab', { name: '待判定有责无责' }).click();
    await expect
      .poll(async () => page.getByTestId('sv-decisions').locator('tbody tr.ant-table-row').count())
      .toBe(before - 1);
    expect(await page.getByTestId('sv-decisions').textContent()).not.toContain(orderNo);
  });
});
