// Browser test of meter reading (issue 4, G-6.2.5): a billing clerk enters a reading that trips the high check,
// sees why, confirms it with a note, and finds it marked in the customer's monthly usage chart; then the meter
// register (verification due, G-6.2.2) and the demo price schedules (G-6.2.4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, launchBrowser, screenshot, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

const SERIAL = `E2E${Date.now() % 1_000_000}`;

let server: TestServer;
let browser: Browser;
const signedIn = (username: string) =>
  signInPage(browser, server.url, username, { width: 1440, height: 900 });
const apiSession = (username: string) => apiLogin(server.url, username);
const shot = (p: Page, name: string) => screenshot(p, name, true, 800);
let lastRegister = 0;

async function post(cookie: string, url: string, body: unknown) {
  const res = await fetch(`${server.url}/api${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(res.status, JSON.stringify(json)).toBeLessThan(300);
  return json;
}

const shanghaiDay = (offsetDays: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A household with half a year of readings around 30 m³ a month, read by the billing clerk. */
async function household(): Promise<void> {
  const admin = await apiSession('gas_admin');
  const clerk = await apiSession('gas_billing');
  const customer = await post(admin, '/customers', {
    kind: 'pipeline_urban_resident',
    name: '孟庆华',
    phone: '13953318899',
    premises: {
      district: '张店区',
      street: '华光路街道',
      community: '华光社区',
      building: '9',
      unit: '1',
      room: '301',
    },
  });
  const meter = await post(clerk, '/meters', {
    serialNo: SERIAL,
    model: 'G2.5 膜式燃气表',
    install: { customerId: customer.account.id, on: shanghaiDay(-200), reading: 1_000_000 },
  });
  lastRegister = 1_000_000;
  for (let i = 6; i >= 1; i--) {
    lastRegister += 30_000 + i * 500;
    await post(clerk, '/readings', {
      meterId: meter.meter.id,
      readOn: shanghaiDay(-30 * i),
      kind: 'actual',
      register: lastRegister,
    });
  }
}

describe.skipIf(!process.env.RANRE_E2E)('meter reading with the high check (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    await household();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-6.2.5: a reading above twice the highest month is confirmed with a note and shows in the usage chart', async () => {
    const page = await signedIn('gas_billing');
    await page.getByTestId('menu-readings').click();
    await page.getByTestId('page-readings').waitFor();

    await page.getByTestId('reading-meter').click();
    await page.keyboard.type(SERIAL);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: SERIAL })
      .first()
      .click();
    // The estimate the month would get if it could not be read, and why (G-6.2.5).
    await expect.poll(() => page.getByTestId('estimate-preview').textContent()).toContain('G-6.2.5');

    await page
      .getByTestId('reading-register')
      .locator('input')
      .or(page.locator('input[data-testid="reading-register"]'))
      .first()
      .fill(String((lastRegister + 140_000) / 1000));
    await page.getByTestId('reading-save').click();

    const modal = page.getByTestId('flag-modal');
    await modal.waitFor();
    expect(await modal.textContent()).toContain('2 倍');
    await page.getByTestId('flag-note').fill('入户核实表盘读数无误，用户新装壁挂炉');
    await page.getByTestId('flag-confirm').click();
    await modal.waitFor({ state: 'hidden' });

    const history = page.getByTestId('reading-history');
    await expect.poll(() => history.textContent()).toContain('入户核实表盘读数无误');
    expect(await history.textContent()).toContain('140.000');
    await page.getByTestId('usage-chart').locator('canvas').first().waitFor();
    await shot(page, 'metering-high-reading');
  });

  it('G-6.2.2, G-6.2.4: the meter register filters verification due; the demo prices are labelled', async () => {
    const page = await signedIn('gas_admin');
    await page.goto(`${server.url}/meters`);
    await page.getByTestId('page-meters').waitFor();
    await page.getByTestId('meters-due').click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    expect(await page.locator('.ant-table-tbody').textContent()).toMatch(/天内到期|已超期/);
    await shot(page, 'metering-meters-due');
    // The meter away at off-line verification has its spare meter recorded (G-6.2.2).
    await page.getByTestId('meters-due').click();
    await page.locator('.ant-select').filter({ hasText: '状态' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '送检中' }).click();
    await page.locator('.ant-table-row').first().click();
    const detail = page.getByTestId('meter-detail');
    await detail.waitFor();
    await expect.poll(() => detail.textContent()).toContain('备用表');
    await shot(page, 'metering-meter-verification');
    await page.goto(`${server.url}/prices`);
    await page.getByTestId('page-prices').waitFor();
    await expect.poll(() => page.getByTestId('demo-price').count()).toBeGreaterThan(3);
    await shot(page, 'metering-prices');
  });

  it('G-6.2.5: an agent sees the meters and readings in the customer 360, read-only', async () => {
    const page = await signedIn('gas_agent');
    await page.goto(`${server.url}/customers`);
    await page.getByTestId('customers-search').fill('孟庆华');
    await page.locator('.ant-table-row').filter({ hasText: '孟庆华' }).first().click();
    await page.getByTestId('customer-360').waitFor();
    await page.getByRole('tab', { name: '燃气表与抄表' }).click();
    const tab = page.getByTestId('customer-metering');
    await tab.waitFor();
    await expect.poll(() => tab.textContent()).toContain(SERIAL);
    expect(await tab.textContent()).toContain('入户核实表盘读数无误');
    await tab.getByTestId('usage-chart').locator('canvas').first().waitFor();
    await shot(page, 'metering-customer-360');
  });
});
