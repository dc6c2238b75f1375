// Browser test of the hotline loop (H-7.3.4, issue 3): an agent finds the caller and records a complaint, the
// dispatcher dispatches it from the board, the technician signs for it and completes it on a phone with the
// customer's signature drawn on the canvas (G-5.9.7), and feedback (G-5.9.8) and a satisfied return visit
// (H-7.6.5.3) close it; the order detail shows the closed state and the timeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  apiLogin,
  cspViolations,
  launchBrowser,
  screenshot,
  signInPage,
  watchCsp,
  type Viewport,
  choose,
} from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

const PHONE = '13953317788';
// 370303 19520315 002 + check digit (GB 11643): a valid, fictional resident ID number.
const ID_CARD = '370303195203150028';

let server: TestServer;
let browser: Browser;
let orderNo = '';
let orderId = '';

/** A customer of 淄博示范燃气 the agent will find by phone: elderly, living alone (G-5.9.9). */
async function createCustomer(): Promise<void> {
  const cookie = await apiLogin(server.url, 'gas_admin');
  const res = await fetch(`${server.url}/api/customers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      kind: 'pipeline_urban_resident',
      name: '韩桂兰',
      phone: PHONE,
      idCard: ID_CARD,
      specialCare: true,
      specialCareNote: '独居老人',
      premises: {
        district: '张店区',
        street: '华光路街道',
        community: '华光社区',
        building: '3',
        unit: '2',
        floor: 5,
        buildingFloors: 6,
        room: '502',
      },
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

const signedIn = (username: string, viewport?: Viewport): Promise<Page> =>
  signInPage(browser, server.url, username, viewport);
const shot = (page: Page, name: string, fullPage = true) => screenshot(page, name, fullPage, 600);

const state = (page: Page) => page.getByTestId('order-state').first().getAttribute('data-state');

describe.skipIf(!process.env.RANRE_E2E)('hotline loop: complaint to closed (browser)', () => {
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

  it('G-5.5.4, G-5.9.9, G-5.7.6: the agent finds the caller by phone and records a complaint', async () => {
    const page = await signedIn('gas_agent');
    await page.getByTestId('page-console').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console');
    // The reception script names the company and the agent's badge number.
    await expect
      .poll(() => page.getByTestId('reception-script').textContent())
      .toContain('淄博示范燃气有限公司');

    await page.getByTestId('customer-search').fill(PHONE);
    await page.getByTestId('search-hit').first().waitFor();
    await page.getByTestId('customer-search').press('Enter');
    await page.getByTestId('customer-360').waitFor();
    expect(await page.getByTestId('customer-name').textContent()).toBe('韩桂兰');
    expect(await page.getByTestId('special-care').textContent()).toContain('独居老人');
    expect(await page.getByTestId('customer-phone').textContent()).toBe('139****7788');

    // Full details only with a reason, which the server audits.
    await page.getByTestId('reveal-open').click();
    await page.getByTestId('reveal-reason').fill('核实来电人身份');
    await page.getByTestId('reveal-submit').click();
    await expect.poll(() => page.getByTestId('customer-phone').textContent()).toBe(PHONE);

    // The caller's number came from the search box; name and address from the archive.
    expect(await page.getByTestId('order-caller-phone').inputValue()).toBe(PHONE);
    expect(await page.getByTestId('order-address').inputValue()).toContain('华光社区');
    await choose(page, 'order-item-select', '燃气服务投诉');
    await choose(page, 'order-complaint-category', '态度');
    await page.getByTestId('order-description').fill('维修人员上门时态度生硬，未说明收费项目。');
    await page.getByTestId('order-description').press('Control+Enter');
    const created = page.getByTestId('order-created');
    await created.waitFor();
    orderNo = (await created.getAttribute('data-order-no')) ?? '';
    expect(orderNo).toMatch(/^G\d{8}-\d{4}$/);
    await shot(page, 'console');

    await page.getByTestId('order-created-link').click();
    await page.getByTestId('order-header').waitFor();
    orderId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await state(page)).toBe('received');
    await page.context().close();
  });

  it('H-7.3.4: the dispatcher dispatches it from the board to the technician', async () => {
    const page = await signedIn('gas_dispatcher');
    await page.getByTestId('page-board').waitFor();
    // The demo month fills the board: narrow it to this order as a dispatcher would.
    await page.getByTestId('board-filter-text').fill(orderNo);
    const row = page.getByTestId(`board-row-${orderNo}`);
    await row.waitFor();
    expect(await row.getByTestId('countdown').textContent()).toMatch(/\d{2}:\d{2}:\d{2}/);
    await row.getByTestId('board-dispatch').click();
    await choose(page, 'assignee-select', '王海涛');
    await page.getByTestId('dispatch-submit').click();
    await expect.poll(() => row.getByTestId('order-state').getAttribute('data-state')).toBe('dispatched');
    await shot(page, 'board');
    await page.context().close();
  });

  it('G-5.9.7: on a phone the technician signs for it and completes it with the customer signature', async () => {
    const page = await signedIn('gas_tech', { width: 390, height: 844 });
    await page.getByTestId('page-my').waitFor();
    await page.waitForLoadState('networkidle');
    // Soonest due first: with the demo month assigned to gas_tech this 5-working-day complaint may be far down.
    const card = page.getByTestId(`my-order-${orderNo}`);
    if ((await card.count()) > 0) await card.click();
    else await page.goto(`${server.url}/my/${orderId}`);
    await page.getByTestId('page-my-order').waitFor();
    await page.getByTestId('action-accepted').click();
    await expect.poll(() => state(page)).toBe('accepted');
    // The next step only: after accepting, arrival is the one large button (not arrival and start side by side).
    await expect.poll(() => page.getByTestId('my-actions').locator('button').count()).toBe(1);
    expect(await page.getByTestId('action-started').count()).toBe(0);
    await page.getByTestId('action-arrived_on_site').click();
    await expect.poll(() => state(page)).toBe('on_site');
    // Arrival is recorded: it is not offered again (a repeated tap would write nothing on the server either).
    await expect.poll(() => page.getByTestId('action-arrived_on_site').count()).toBe(0);

    await page.getByTestId('completion-result').fill('已向用户道歉并说明收费标准，现场复核燃气设施正常。');
    const canvas = page.getByTestId('signature-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 120);
    await page.mouse.down();
    for (const [dx, dy] of [
      [60, 60],
      [100, 150],
      [140, 70],
      [180, 140],
      [230, 60],
      [290, 130],
    ] as const)
      await page.mouse.move(box.x + dx, box.y + dy, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => canvas.getAttribute('data-empty')).toBe('false');
    await shot(page, 'signature', false);
    await page.getByTestId('completion-submit').click();
    await expect.poll(() => state(page)).toBe('completed');
    await page.context().close();
  });

  it('G-5.9.8, H-7.4.10.4, H-7.6.5.3: feedback and a satisfied return visit close it; the detail shows the timeline', async () => {
    const page = await signedIn('gas_agent');
    await page.goto(`${server.url}/orders/${orderId}`);
    await page.getByTestId('order-header').waitFor();
    expect(await state(page)).toBe('completed');

    await page.getByTestId('action-feedback_given').click();
    await page.getByTestId('feedback-staff').waitFor();
    expect(await page.getByTestId('feedback-result').inputValue()).toContain('说明收费标准');
    await page.getByTestId('findings-facts').fill('维修人员未按规定先明示收费项目，属实。');
    await page.getByTestId('findings-measures').fill('组织服务规范培训，收费前一律书面明示。');
    await page.getByTestId('findings-accountability').fill('对当事维修人员通报批评。');
    await page.getByTestId('event-submit').click();
    await expect.poll(() => state(page)).toBe('feedback_given');

    await page.getByTestId('action-return_visited').click();
    await page.getByTestId('field-satisfaction').getByText('满意', { exact: true }).click();
    await page.getByTestId('event-submit').click();
    await expect.poll(() => state(page)).toBe('return_visited');

    await page.getByTestId('action-closed').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => state(page)).toBe('closed');

    const types = await page
      .getByTestId('timeline-item')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    expect(types).toEqual([
      'received',
      'dispatched',
      'accepted',
      'arrived_on_site',
      'completed',
      'feedback_given',
      'return_visited',
      'closed',
    ]);
    expect(await page.getByTestId('attachment-signature').count()).toBe(1);
    expect(await page.getByTestId('order-clocks').getByTestId('clock-state').first().textContent()).toMatch(
      /按时|超时/,
    );
    await shot(page, 'order-detail');
    await page.context().close();
  });

  it('G-5.10.1, G-5.10.6: the agent records the handbook handed over and two items explained; the rest show as missing', async () => {
    const page = await signedIn('gas_agent');
    await page.getByTestId('customer-search').fill(PHONE);
    await page.getByTestId('search-hit').first().waitFor();
    await page.getByTestId('customer-search').press('Enter');
    await page.getByTestId('customer-360').waitFor();
    await page.getByRole('tab', { name: '安全宣传' }).click();
    const tab = page.getByTestId('safety-education');
    await tab.getByTestId('se-handbook').click();
    await tab.getByTestId('se-topics').getByText('安全使用燃气的基本知识').click();
    await tab.getByTestId('se-topics').getByText('防范和处置燃气事故的措施').click();
    await tab.getByTestId('se-submit').click();
    const coverage = tab.getByTestId('se-coverage');
    await expect.poll(() => coverage.textContent()).toContain('已发放安全使用手册');
    const text = (await coverage.textContent()) ?? '';
    expect(text).toContain('尚未讲解');
    expect(text).toContain('违法用气的危害和后果');
    expect(text).not.toContain('安全使用燃气的基本知识');
    await page.context().close();
  });

  it('G-4.2.3: the service guide is public, linked from the login page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    watchCsp(page);
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-guide').click();
    await page.getByTestId('page-catalogue').waitFor();
    await page.getByText('燃气服务投诉').first().click();
    await page.getByTestId('catalogue-item-gas_complaint').waitFor();
    expect(await page.getByTestId('catalogue-item-gas_complaint').textContent()).toContain('G-5.7.2');
    await shot(page, 'catalogue');
    await context.close();
  });

  it('the CSP blocked nothing on the pages above (issue 12)', () => {
    expect(cspViolations).toEqual([]);
  });
});
