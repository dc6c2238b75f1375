// Browser test of ceasing business (G-6.2.14, G-9.3.2) on a phone (390 × 844): the demo pipeline gas company files
// a cessation and sees the 90-working-day date; it cannot tell its customers before the regulator agrees; the
// regulator agrees; the customers are told. The demo appliance company, which has open work, is refused until it
// names who takes it over. Dates far ahead (2099) keep the test independent of today.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, type Viewport } from './browser.ts';
import { e2eFile } from './setup.ts';

const PHONE: Viewport = { width: 390, height: 844 };

/** Fills and submits the form; returns the preview read before submitting, as a success clears the form. */
async function fileCessation(page: Page, successor?: string): Promise<string> {
  await page.getByTestId('cess-date').fill('2099-06-30');
  await page.getByTestId('cess-preview').waitFor();
  const preview = String(await page.getByTestId('cess-preview').textContent());
  await page.getByTestId('cess-reason').fill('经营调整');
  await page
    .getByTestId('cess-arrangements')
    .fill('用户由市燃气管理部门指定的企业继续服务，预存款原额转入。');
  if (successor) await page.getByTestId('cess-successor').fill(successor);
  await page.getByTestId('cess-submit').click();
  return preview;
}

async function filed(page: Page) {
  await page.locator('[data-testid="cess-ok"], [data-testid="cess-error"]').first().waitFor();
  const error = page.getByTestId('cess-error');
  if (await error.count()) throw new Error(String(await error.textContent()));
}

const status = (page: Page) => page.getByTestId('cess-status').first();
/** The list refetches after the answer: wait for the status, not only the message. */
const statusBecomes = (page: Page, text: string) =>
  page.getByTestId('cess-status').filter({ hasText: text }).first().waitFor();

describe.skipIf(!process.env.RANRE_E2E)('ceasing business on a phone (browser)', () => {
  const f = e2eFile();

  it('G-6.2.14 a pipeline company files 90 working days ahead; customers are told only after the regulator agrees', async () => {
    const gas = await f.signedIn('gas_admin', PHONE);
    await gas.goto(`${f.server.url}/cessations`);
    await gas.getByTestId('page-cessations').waitFor();
    // The demo company has open orders: whoever takes them over is named (G-6.2.14: arrangements made beforehand).
    const preview = await fileCessation(gas, '市燃气管理部门指定的供气企业');
    expect(preview).toContain('2099-02-17');
    await filed(gas);
    await gas.getByTestId('cess-table').getByText('2099-02-17').waitFor();
    await statusBecomes(gas, '待燃气管理部门同意');
    expect(await status(gas).textContent()).toBe('待燃气管理部门同意');
    expect(await gas.getByTestId('cess-notify').count()).toBe(0);
    expect(await gas.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(gas, 'cessation-filed', true, 400);

    const reg = await f.signedIn('regulator', PHONE);
    await reg.goto(`${f.server.url}/cessations`);
    await reg.getByTestId('cess-approve').first().click();
    await reg.getByTestId('cess-ok').waitFor();
    await statusBecomes(reg, '已同意');
    expect(await status(reg).textContent()).toBe('已同意');

    await gas.reload();
    await gas.getByTestId('cess-notify').first().click();
    await gas.locator('.ant-popconfirm .ant-btn-primary').click();
    await gas.getByTestId('cess-ok').waitFor();
    await statusBecomes(gas, '已告知用户');
    expect(await status(gas).textContent()).toBe('已告知用户');
    await gas.locator('.ant-table-row-expand-icon').first().click();
    await gas.getByText(/已告知用户（短信 \d+ 条）/).waitFor();
    await screenshot(gas, 'cessation-notified', true, 400);
  }, 180_000);

  it('G-9.3.2 an appliance company with open work names who takes it over before it can file', async () => {
    const appl = await f.signedIn('appl_admin', PHONE);
    await appl.goto(`${f.server.url}/cessations`);
    await fileCessation(appl);
    const refused = appl.getByTestId('cess-error');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('承接单位');
    await appl.getByTestId('cess-successor').fill('张店燃气具维修部');
    await appl.getByTestId('cess-submit').click();
    await appl.getByTestId('cess-ok').waitFor();
    await statusBecomes(appl, '已申报');
    expect(await status(appl).textContent()).toBe('已申报');
    expect(await appl.getByTestId('cess-approve').count()).toBe(0);
    await screenshot(appl, 'cessation-appliance', true, 400);
  }, 120_000);
});
