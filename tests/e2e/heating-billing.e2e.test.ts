// Browser test of heating billing (issue 5): the heating company's admin sets up a season (H-5.2) and a price
// (H-7.2.1), runs the season bills for every heating account, opens the suspension/resumption queue with its
// H-7.1.7 / H-7.1.8 clocks and the refunds list with the H-5.5.2 deadline, and pays a pending refund (H-7.2.5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, PASSWORD } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

/** The machine may be busy: give lists time to load. */
const WAIT = { timeout: 20_000 };

let server: TestServer;
let browser: Browser;
const shot = (name: string) => screenshot(page, name, true, 600);
let page: Page;

/** Types a date into an Ant Design date picker and confirms it. */
async function pickDate(testId: string, date: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(date);
  await page.keyboard.press('Enter');
}

describe.skipIf(!process.env.RANRE_E2E)('heating billing (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('heat_admin');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-role').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('H-5.2, H-7.2.1: the admin sets up a season and a price', async () => {
    await page.getByTestId('menu-heating').click();
    await page.getByTestId('page-heating').waitFor();
    // The demo season is there, with last season's late start flagged (H-5.2.2).
    await expect.poll(() => page.getByTestId('season-table').textContent(), WAIT).toContain('2026-2027');
    expect(await page.getByTestId('season-table').textContent(), WAIT).toContain('延后开始 1 天');

    await page.getByTestId('season-new').click();
    await page.getByTestId('season-area').fill('淄川城区（测试）');
    await pickDate('season-start', '2027-11-15');
    await pickDate('season-end', '2028-03-15');
    await page.locator('.ant-modal-footer .ant-btn-primary').last().click();
    await expect
      .poll(() => page.getByTestId('season-table').textContent(), WAIT)
      .toContain('淄川城区（测试）');
    // Legal heating days from the dates set.
    const row = page.locator('[data-testid="season-table"] tr', { hasText: '淄川城区（测试）' });
    expect(await row.textContent(), WAIT).toContain('121');

    await page.getByTestId('price-new').click();
    await page.getByTestId('price-area').fill('23.50');
    await pickDate('price-from', '2027-10-01');
    await page.locator('.ant-modal-footer .ant-btn-primary').last().click();
    await expect.poll(() => page.getByTestId('price-table').textContent(), WAIT).toContain('23.50 元/m²');
    await shot('heating-seasons');
  });

  it('H-7.2.1: the season bills run for every heating account; a bill shows its lines', async () => {
    await page.getByTestId('heating-tab-bills').click();
    await page.getByTestId('season-select').click();
    await page.locator('.ant-select-item-option', { hasText: '淄川城区（测试）' }).click();
    await page.getByTestId('bills-run').click();
    await expect
      .poll(() => page.getByTestId('bills-run-summary').textContent(), { timeout: 30_000 })
      .toMatch(/出账 [1-9]\d*/);
    await expect
      .poll(() => page.getByTestId('bills-table').locator('tbody tr').count(), WAIT)
      .toBeGreaterThan(10);
    const text = await page.getByTestId('bills-table').textContent();
    expect(text).toContain('HB20272028-');
    await page.getByTestId('bills-table').locator('tbody tr').first().click();
    await page.getByTestId('bill-detail').waitFor();
    expect(await page.getByTestId('bill-detail').textContent()).toMatch(/面积热费|基本热费|报停热费/);
    await shot('heating-bill');
    await page.keyboard.press('Escape');
  });

  it('the suspension queue shows the commitment and the 48 h resumption clock', async () => {
    await page.getByTestId('heating-tab-suspensions').click();
    await expect.poll(() => page.getByTestId('queue-table').textContent(), WAIT).toContain('复热');
    expect(await page.getByTestId('clock-H-7.1.8').count()).toBeGreaterThan(0);
    await shot('heating-suspensions');
  });

  it('H-7.2.4: the heat-meter disputes show who pays the test and the area fee of the disputed days', async () => {
    await page.getByTestId('heating-tab-disputes').click();
    await expect.poll(() => page.getByTestId('dispute-table').textContent(), WAIT).toContain('不合格');
    expect(await page.getByTestId('dispute-table').textContent(), WAIT).toContain('÷ 法定天数 × 10 天');
    await shot('heating-disputes');
  });

  it('H-5.5.2, H-7.2.5: the refunds list flags the overdue refund; paying it settles it', async () => {
    await page.getByTestId('heating-tab-refunds').click();
    await expect.poll(() => page.getByTestId('refund-table').textContent(), WAIT).toContain('已冲抵');
    expect(await page.getByTestId('refund-overdue').count()).toBe(1);
    await shot('heating-refunds');
    await page.getByTestId('refund-pay').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('refund-overdue').count(), WAIT).toBe(0);
    expect(await page.getByTestId('refund-table').textContent(), WAIT).toContain('已退款');
  });
});
