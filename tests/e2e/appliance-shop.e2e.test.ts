// Browser test of the appliance counter (issue 19) on a phone (390 × 844): the demo appliance company's admin sells
// an LPG cooker to a household on a natural-gas pipeline community — refused with the reason (G-9.1.3) — then the
// natural-gas model with everything handed over; and takes in a walk-in repair that gets a repair slip (G-9.2.5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { choose, cspViolations, launchBrowser, screenshot, signInPage, type Viewport } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;
const PHONE: Viewport = { width: 390, height: 844 };

async function firstOption(page: Page, testId: string) {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .first()
    .click();
  await page.waitForFunction(
    () => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'),
  );
}

describe.skipIf(!process.env.RANRE_E2E)('appliance counter on a phone (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    // The demo seed takes 1.5 min on a loaded 2-core machine.
    server = await startServer(170_000);
    browser = await launchBrowser();
  }, 175_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-9.1.3 a sale for the wrong gas type is refused with the reason; the right one is sold with its papers', async () => {
    const page = await signInPage(browser, server.url, 'appl_admin', PHONE);
    await page.goto(`${server.url}/appliance-shop`);
    await page.getByTestId('page-applianceShop').waitFor();
    await choose(page, 'sale-model', 'JZY-2-DEMO');
    await page.getByTestId('sale-name').fill('刘秀云');
    await page.getByTestId('sale-phone').fill('13853300999');
    await page.getByTestId('sale-address').fill('张店区华光路 99 号 1 单元 202');
    await firstOption(page, 'sale-community');
    for (const label of ['合法收费凭证', '保修卡', '产品合格证件', '安全使用说明书', '适用气种标识']) {
      await page.getByTestId('sale-handover').getByText(label).click();
    }
    await page.getByTestId('sale-submit').click();
    const refused = page.getByTestId('sale-error');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('气种不符');
    expect(await refused.textContent()).toContain('液化石油气');
    await screenshot(page, 'appliance-sale-refused', true, 400);

    await choose(page, 'sale-model', 'JZT-2-DEMO');
    await page.getByTestId('sale-submit').click();
    await page.getByTestId('sale-ok').waitFor();
    expect(await page.getByTestId('sale-ok').textContent()).toMatch(/XS\d{8}-\d{4}/);
    // G-9.1.3: the receipt of the sale prints from the result and from the list.
    const href = await page.getByTestId('sale-receipt').getAttribute('href');
    expect(href).toMatch(/^\/api\/appliance-sales\/[0-9a-f-]+\/receipt\.pdf$/);
    const pdf = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return {
        status: r.status,
        type: r.headers.get('content-type'),
        size: (await r.arrayBuffer()).byteLength,
      };
    }, href!);
    expect(pdf).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(pdf.size).toBeGreaterThan(1000);
    await page.getByTestId('sales-table').getByText('JZT-2-DEMO').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'appliance-sale-done', true, 400);
  }, 180_000);

  it('G-9.2.5 a walk-in repair not done today gets a repair slip with the pick-up date, as a PDF', async () => {
    const page = await signInPage(browser, server.url, 'appl_admin', PHONE);
    await page.goto(`${server.url}/appliance-shop`);
    await page.getByRole('tab', { name: '送修' }).click();
    const intake = page.getByTestId('walkin-form');
    await intake.getByLabel('用户姓名').fill('韩玉梅');
    await intake.getByLabel('联系电话').fill('13853300567');
    await intake.getByLabel('送修器具（品牌型号）').fill('示范牌 JZT-2 燃气灶');
    await intake.getByLabel('故障情况').fill('左眼打不着火');
    await intake.getByRole('button').click();
    const slip = page.getByTestId('slip-form');
    await slip.waitFor();
    await slip.getByLabel('当天无法修复的原因').fill('点火器需向厂家订购');
    await slip.getByLabel('约定领取日期').fill('2099-01-15');
    await slip.getByRole('button').click();
    await page.getByTestId('slip-issued').filter({ hasText: '2099-01-15' }).waitFor();
    const href = await page.getByTestId('slip-issued').locator('a').getAttribute('href');
    const pdf = await page.request.get(`${server.url}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await screenshot(page, 'appliance-walk-in', true, 400);
    expect(cspViolations).toEqual([]);
  }, 120_000);
});
