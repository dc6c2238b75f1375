// Browser test of a low-temperature complaint from the call to its case (issue 17): the heating company's agent
// finds the caller, types 室温 and gets the heating-quality complaint with its category; the dispatcher sends it to
// the technician; on a phone the technician is told completion waits for the H-5.4.5 measurement, opens the form
// for this order from the order page, records rooms below 18 °C (a fail), goes back and completes the order; the
// admin finds the case under 低温投诉 with the order number, the failed measurement and the order's clocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  apiLogin,
  launchBrowser,
  screenshot,
  signInPage,
  type Viewport,
  drawSignature,
  choose,
} from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

const PHONE = '13953318866';
const PHONE_VIEW: Viewport = { width: 390, height: 844 };

let server: TestServer;
let browser: Browser;
let orderNo = '';
let orderId = '';

/** A heated household of the heating company at ≥ 70 % unit heat use, so 18 °C is the standard (H-5.1). */
async function createCustomer(): Promise<void> {
  const cookie = await apiLogin(server.url, 'heat_admin');
  const res = await fetch(`${server.url}/api/customers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      kind: 'heating_resident',
      name: '孙秀英',
      phone: PHONE,
      premises: {
        district: '张店区',
        street: '车站街道',
        community: '和平社区',
        building: '7',
        unit: '1',
        floor: 3,
        buildingFloors: 6,
        room: '301',
        heatedAreaM2: 86.5,
        unitHeatUseRate: 85,
      },
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

const signedIn = (username: string, viewport?: Viewport): Promise<Page> =>
  signInPage(browser, server.url, username, viewport);
const shot = (page: Page, name: string, fullPage = true) => screenshot(page, name, fullPage, 600);
const state = (page: Page) => page.getByTestId('order-state').first().getAttribute('data-state');

/** 'YYYY-MM-DD HH:mm' in Beijing time. */
function shanghai(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

describe.skipIf(!process.env.RANRE_E2E)(
  'low-temperature complaint: call, measurement, case (browser)',
  () => {
    beforeAll(async () => {
      ensureWebBuilt();
      server = await startServer();
      await createCustomer();
      browser = await launchBrowser();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('H-7.4.3: the agent types 室温, gets the heating-quality complaint with its category, and the order answers within 0.5 h', async () => {
      const page = await signedIn('heat_agent');
      await page.getByTestId('page-console').waitFor();
      await page.getByTestId('customer-search').fill(PHONE);
      await page.getByTestId('search-hit').first().waitFor();
      await page.getByTestId('customer-search').press('Enter');
      await page.getByTestId('customer-360').waitFor();
      expect(await page.getByTestId('customer-name').textContent()).toBe('孙秀英');

      // The words callers use find the complaint; picking it fills the heating-quality category.
      await choose(page, 'order-item-select', '室温');
      expect(await page.getByTestId('order-item-select').textContent()).toContain('供热质量投诉');
      await expect
        .poll(() => page.getByTestId('order-complaint-category').textContent())
        .toContain('供热质量（室温不达标');
      await page.getByTestId('order-description').fill('卧室只有 16 度左右，暖气片上热下凉。');
      await page.getByTestId('order-description').press('Control+Enter');
      const created = page.getByTestId('order-created');
      await created.waitFor();
      orderNo = (await created.getAttribute('data-order-no')) ?? '';
      expect(orderNo).not.toBe('');
      await shot(page, 'lowtemp-console');

      await page.getByTestId('order-created-link').click();
      await page.getByTestId('order-header').waitFor();
      orderId = new URL(page.url()).pathname.split('/').pop()!;
      // The complaint carries its category and runs the 0.5 h response clock from the call.
      const cookie = await apiLogin(server.url, 'heat_agent');
      const detail = await (
        await fetch(`${server.url}/api/work-orders/${orderId}`, { headers: { cookie } })
      ).json();
      expect(detail.complaint.category).toBe('heating_quality');
      const response = page.locator('[data-testid="clock"][data-clock="response"]');
      expect(await response.textContent()).toContain('H-7.4.3');
      expect(await response.textContent()).toContain(shanghai(Date.parse(detail.receivedAt) + 30 * 60_000));
      await page.context().close();
    });

    it('the dispatcher dispatches it from the board to the heating technician', async () => {
      const page = await signedIn('heat_dispatcher');
      await page.getByTestId('page-board').waitFor();
      await page.getByTestId('board-filter-text').fill(orderNo);
      const row = page.getByTestId(`board-row-${orderNo}`);
      await row.waitFor();
      await row.getByTestId('board-dispatch').click();
      await choose(page, 'assignee-select', '马振华');
      await page.getByTestId('dispatch-submit').click();
      await expect.poll(() => row.getByTestId('order-state').getAttribute('data-state')).toBe('dispatched');
      await page.context().close();
    });

    it('H-5.4.5: on a phone completion waits for the measurement; the technician measures this order, goes back and completes it', async () => {
      const page = await signedIn('heat_tech', PHONE_VIEW);
      await page.goto(`${server.url}/my/${orderId}`);
      await page.getByTestId('page-my-order').waitFor();
      await page.getByTestId('action-accepted').click();
      await expect.poll(() => state(page)).toBe('accepted');
      await page.getByTestId('action-arrived_on_site').click();
      await expect.poll(() => state(page)).toBe('on_site');

      // Not offered: the page says what is missing, with the clause, and offers the measurement instead.
      const blocked = page.getByTestId('blocked-completed');
      await blocked.waitFor();
      expect(await blocked.textContent()).toContain('H-5.4.5');
      expect(await blocked.textContent()).toContain('入户测温');
      expect(await page.getByTestId('completion-submit').count()).toBe(0);
      await shot(page, 'lowtemp-phone-blocked', false);

      await page.getByTestId('action-measure').click();
      await page.getByTestId('measure-form').waitFor();
      expect(new URL(page.url()).search).toBe(`?order=${orderId}`);
      expect(await page.getByTestId('measure-form').textContent()).toContain(orderNo);
      for (const item of [
        'systemRunning',
        'conditionsNoted',
        'doorsWindowsClosed30Min',
        'sensorAtRoomCentre',
        'radiatorsUncovered',
        'noSunOrHeatSourceOnSensor',
        'inspectorStill',
        'enlargedAreaOrAddedRadiatorsNoted',
        'modificationsNoted',
      ])
        await page.getByTestId(`protocol-${item}`).click();
      await page.getByTestId('reading-0').fill('17.2');
      await page.getByTestId('reading-1').fill('16.4');
      await drawSignature(page);
      await page.getByTestId('measure-submit').click();
      await page.getByTestId('measure-result').waitFor();
      // 85 % unit heat use: 18 °C applies, and 16.4 °C fails it.
      await page.getByTestId('measure-outcome-fail').waitFor();
      expect(await page.getByTestId('measure-outcome-fail').textContent()).toContain('不合格');
      expect(await page.getByTestId('measure-reasons').textContent()).toContain('16.4 °C');
      await shot(page, 'lowtemp-phone-measured', false);

      await page.getByTestId('measure-next').click();
      await page.getByTestId('page-my-order').waitFor();
      await page.getByTestId('measure-recorded').waitFor();
      expect(await page.getByTestId('blocked-completed').count()).toBe(0);
      expect(await page.getByTestId('action-measure').count()).toBe(0);
      await page
        .getByTestId('completion-result')
        .fill('已入户测温，卧室 16.4 °C 不达标；已排查户内阀门，报公司维修。');
      await drawSignature(page);
      await page.getByTestId('completion-submit').click();
      await expect.poll(() => state(page)).toBe('completed');
      await page.context().close();
    });

    it('H-7.2.3: the measured complaint is a case under 低温投诉 with its order number, the fail and the order clocks', async () => {
      const page = await signedIn('heat_admin');
      await page.getByTestId('menu-quality').click();
      await page.getByTestId('quality-dashboard').waitFor();
      await page.getByTestId('quality-tab-cases').click();
      expect(await page.getByTestId('quality-tab-cases').textContent()).toContain('低温投诉');
      const row = page.getByTestId(`case-row-${orderNo}`);
      await row.waitFor();
      expect(await row.textContent()).toContain('孙秀英');
      expect(await row.textContent()).toContain('不合格');
      expect(await row.textContent()).toContain('16.4 °C');
      const clocks = row.getByTestId(`case-clocks-${orderNo}`);
      expect(await clocks.getByTestId('order-state').getAttribute('data-state')).toBe('completed');
      // The complaint's next deadline (its feedback and return visit) still runs after completion.
      expect(await clocks.getByTestId('countdown').textContent()).toMatch(/\d{2}:\d{2}:\d{2}/);
      await row.getByRole('link', { name: orderNo }).waitFor();
      await shot(page, 'lowtemp-cases');
      await page.context().close();
    });
  },
);
