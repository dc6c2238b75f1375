// Browser test of residents' self-service on a phone (issue 16; G-5.8.1, H-7.5.2, G-6.2.13, H-7.3.4) at 390 × 844:
// the demo resident binds a second account with the SMS code (shown on screen in demo mode), pays his open bill
// through the demo gateway, reports a leak — the emergency advice comes before the form — tracks the order while
// the company handles it, rates the work and reopens it. Also: his receipt (G-6.2.8), a self-reading with a photo
// reviewed by staff, the step notices (G-5.8.3); the heating resident's suspension request (H-7.1.7).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, cspViolations, launchBrowser, screenshot, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;
const PHONE = { width: 390, height: 844 };
/** A 1×1 PNG standing in for the photo of a meter's register. */
const METER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const shot = (p: Page, name: string) => screenshot(p, name, true, 400);

/** The <input>/<textarea> of an antd field, whether the test id sits on it or on its wrapper. */
const field = (page: Page, id: string) =>
  page
    .locator(`input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] input`)
    .first();

async function api(cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await res.json()) as Record<string, unknown>;
  expect(res.status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}

/** A staff step on the order, with its current version. */
async function act(cookie: string, id: string, event: Record<string, unknown>) {
  const { version } = await api(cookie, 'GET', `/work-orders/${id}`);
  return api(cookie, 'POST', `/work-orders/${id}/events`, { version, event });
}

describe.skipIf(!process.env.RANRE_E2E)('residents on a phone (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer(400_000);
    browser = await launchBrowser();
  }, 450_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-5.8.1, G-6.2.13, H-7.3.4: bind, pay, report a leak, track, rate and reopen', async () => {
    // The company has an account on file the resident will bind: number, holder and phone known to him.
    const agent = await apiLogin(server.url, 'gas_agent');
    const opened = (await api(agent, 'POST', '/customers', {
      accountNo: 'E2E-RES-01',
      kind: 'pipeline_urban_resident',
      name: '韩梅梅',
      phone: '13905339876',
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
    })) as { account: { id: string } };
    expect(opened.account.id).toBeTruthy();

    const page = await signInPage(browser, server.url, 'resident', PHONE);
    await page.waitForURL('**/r/accounts');
    await page.getByTestId('bind-card').waitFor();

    // 1. Binding: wrong digits are refused; the right ones send a code, the code binds.
    await field(page, 'bind-account').fill('E2E-RES-01');
    await field(page, 'bind-name').fill('韩梅梅');
    await field(page, 'bind-last4').fill('1111');
    await page.getByTestId('bind-send').click();
    await page.getByTestId('bind-error').waitFor();
    await field(page, 'bind-last4').fill('9876');
    await page.getByTestId('bind-send').click();
    await page.getByTestId('bind-sent').waitFor();
    expect(await page.getByTestId('bind-sent').textContent()).toContain('139****9876');
    const demo = (await page.getByTestId('bind-demo-code').textContent()) ?? '';
    const code = /(\d{6})/.exec(demo)![1]!;
    await field(page, 'bind-code').fill(code);
    await page.getByTestId('bind-confirm').click();
    await page.getByTestId('account-E2E-RES-01').waitFor();
    await shot(page, 'residents-accounts');

    // 2. The demo account's open bill, paid through the demo gateway.
    const accounts = page.locator('[data-testid^="account-RQ"]');
    await accounts.first().getByTestId('account-open').click();
    await page.getByTestId('detail-outstanding').waitFor();
    expect(await page.getByTestId('detail-outstanding').textContent()).not.toBe('¥0.00');
    await page.getByTestId('usage-chart').waitFor();
    await page.getByTestId('bill-pay').first().click();
    await page.getByTestId('pay-demo').click();
    await expect.poll(() => page.getByTestId('pay-status').textContent()).toBe('已支付');
    await expect.poll(() => page.getByTestId('detail-outstanding').textContent()).toBe('¥0.00');
    await shot(page, 'residents-paid');

    // 2b. G-6.2.8: the payment's numbered receipt, opened on the phone.
    await page.getByTestId('receipt-item-no').first().waitFor();
    const receiptNo = (await page.getByTestId('receipt-item-no').first().textContent()) ?? '';
    expect(receiptNo.length).toBeGreaterThan(4);
    await page.getByTestId('receipt-open').first().click();
    await expect.poll(() => page.getByTestId('receipt-no').textContent()).toBe(receiptNo);
    await shot(page, 'residents-receipt');
    await page.keyboard.press('Escape');

    // 2c. Self-reading with a photo: far above the household's usual use, so it waits for review (G-6.2.5).
    const accountId = page.url().split('/').pop()!;
    const own = await apiLogin(server.url, 'resident');
    const form = (await api(own, 'GET', `/resident/accounts/${accountId}/self-readings`)) as {
      meters: { lastRegister: number | null }[];
    };
    expect(form.meters.length).toBeGreaterThan(0);
    const high = ((form.meters[0]!.lastRegister ?? 0) + 400_000) / 1000;
    await field(page, 'self-register').fill(String(high));
    await page
      .getByTestId('self-photo')
      .setInputFiles({ name: 'meter.png', mimeType: 'image/png', buffer: METER_PNG });
    await page.getByTestId('self-submit').click();
    await page.getByTestId('self-result').waitFor();
    expect(await page.getByTestId('self-result').textContent()).toContain('复核');
    await shot(page, 'residents-self-reading');
    // The staff see it in the readings screen with its photo and accept it with a note.
    const clerk = await signInPage(browser, server.url, 'gas_billing');
    await clerk.goto(`${server.url}/readings`);
    await clerk.getByRole('tab', { name: '居民自报' }).click();
    await clerk.getByTestId('self-review').first().waitFor();
    await clerk.getByTestId('self-review').first().locator('input').fill('对照照片核实无误');
    await clerk.getByTestId('self-review').first().getByRole('button', { name: '采用' }).click();
    await clerk.getByText('没有待复核的居民自报读数').waitFor();
    await clerk.context().close();

    // 3. A leak: the advice is on screen before any question.
    await page.goto(`${server.url}/r/report`);
    await page.getByTestId('report-leak').click();
    await page.getByTestId('leak-advice').waitFor();
    expect(await page.getByTestId('leak-advice').textContent()).toContain('开关');
    expect(await page.getByTestId('report-description').count()).toBe(0);
    expect(await page.getByTestId('leak-call').getAttribute('href')).toMatch(/^tel:/);
    await shot(page, 'residents-leak-advice');
    await page.getByTestId('leak-continue').click();
    await field(page, 'report-description').fill('厨房有很重的燃气味，已开窗并撤到楼下');
    await page.getByTestId('report-submit').click();
    await page.waitForURL(/\/r\/orders\/[0-9a-f-]+$/);
    const orderId = page.url().split('/').pop()!;
    await page.getByTestId('clock-due').first().waitFor();
    expect(await page.getByTestId('clock-due').first().textContent()).toMatch(
      /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
    );

    // 4. The company handles it: dispatched, on site, completed.
    const dispatcher = await apiLogin(server.url, 'gas_dispatcher');
    const tech = await apiLogin(server.url, 'gas_tech');
    const { items } = (await api(
      dispatcher,
      'GET',
      '/work-orders/assignees?purpose=dispatch&itemCode=gas_indoor_leak',
    )) as { items: { id: string; displayName: string }[] };
    const assignee = items.find((p) => p.displayName === '王海涛') ?? items[0]!;
    await act(dispatcher, orderId, { type: 'dispatched', assignee: assignee.id });
    const handler = assignee.displayName === '王海涛' ? tech : await apiLogin(server.url, 'gas_tech');
    await act(handler, orderId, { type: 'accepted' });
    await act(handler, orderId, { type: 'arrived_on_site' });
    await act(handler, orderId, {
      type: 'completed',
      record: { result: '更换灶前软管，检漏合格', onSite: true, signatureRefusedReason: '用户不在家' },
    });

    // 4b. G-5.8.3: he was told of each step; his home page shows them unread until he looks.
    await page.goto(`${server.url}/r/accounts`);
    await page.getByTestId('step-notices').waitFor();
    expect(await page.getByTestId('step-notice').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('step-notices').textContent()).toContain('已处理完毕');
    await shot(page, 'residents-step-notices');
    await page.getByTestId('steps-seen').click();
    await expect.poll(() => page.getByTestId('step-notices').count()).toBe(0);
    await page.goto(`${server.url}/r/orders/${orderId}`);

    // 5. The resident tracks it, rates it and, not satisfied, reopens it.
    await page.reload();
    await page.getByTestId('rate-card').waitFor();
    expect(await page.getByTestId('order-state').textContent()).toBe('处理完毕');
    await page.getByTestId('rate-card').locator('.ant-rate-star').nth(1).click();
    await page.getByTestId('rate-submit').click();
    await page.getByTestId('rated').waitFor();
    await field(page, 'reopen-reason').fill('第二天又闻到气味');
    await shot(page, 'residents-order-done');
    await page.getByTestId('reopen-submit').click();
    await page.waitForURL(
      (u) => !u.pathname.endsWith(orderId) && /\/r\/orders\/[0-9a-f-]+$/.test(u.pathname),
    );
    await page.getByTestId('order-state').waitFor();
    expect(await page.getByTestId('order-state').textContent()).toBe('已受理');
    await shot(page, 'residents-reopened');

    // The resident's menu: his own pages only.
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('menu-resOrders').waitFor();
    expect(await page.getByTestId('menu-console').count()).toBe(0);
    expect(cspViolations).toEqual([]);
  }, 180_000);

  it('H-7.1.7: the demo heating resident applies online to suspend heating and tracks the application', async () => {
    const page = await signInPage(browser, server.url, 'heat_resident', PHONE);
    await page.waitForURL('**/r/accounts');
    // The demo heating household is bound to him by the seed.
    await page.locator('[data-testid^="account-"]').first().waitFor();
    await page.goto(`${server.url}/r/report`);
    await page.getByTestId('report-suspension').click();
    await field(page, 'report-description').fill('今冬外出，申请暂停供热');
    await shot(page, 'residents-heating-suspension');
    await page.getByTestId('report-submit').click();
    await page.waitForURL(/\/r\/orders\/[0-9a-f-]+$/);
    const orderId = page.url().split('/').pop()!;
    expect(await page.getByTestId('order-state').textContent()).toBe('已受理');
    // H-7.1.7: the committed time is on screen.
    await page.getByTestId('clock-due').first().waitFor();
    expect(await page.getByTestId('clock-due').first().textContent()).toMatch(
      /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
    );

    // The company takes it up; the resident sees the step.
    const dispatcher = await apiLogin(server.url, 'heat_dispatcher');
    const { items } = (await api(
      dispatcher,
      'GET',
      '/work-orders/assignees?purpose=dispatch&itemCode=heating_suspension',
    )) as { items: { id: string }[] };
    await act(dispatcher, orderId, { type: 'dispatched', assignee: items[0]!.id });
    await page.reload();
    await page.getByTestId('order-state').waitFor();
    expect(await page.getByTestId('order-state').textContent()).not.toBe('已受理');
    await page.goto(`${server.url}/r/orders`);
    await page.getByTestId('order-link').first().waitFor();
    expect(await page.getByTestId('order-link').first().textContent()).toContain('暂停');
    await shot(page, 'residents-heating-tracked');
    expect(cspViolations).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('G-4.2.3, G-5.4.5, G-12.3: the public information opens without signing in, on a phone', async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    // G-12.3: the regulator publishes last month's results; the public page shows them with the period.
    const now = new Date();
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
    const period = `${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, '0')}`;
    const published = await fetch(`${server.url}/api/evaluation/publications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await apiLogin(server.url, 'regulator') },
      body: JSON.stringify({ period }),
    });
    expect(published.status, await published.clone().text()).toBe(201);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-public-info').click();
    await page.getByTestId('public-enterprise').first().waitFor();
    const names = await page.getByTestId('public-enterprise').allTextContents();
    expect(names.join()).not.toContain('住房和城乡建设局');
    await page.getByTestId('public-enterprise').filter({ hasText: '燃气' }).first().click();
    await page.getByTestId('public-hotline').waitFor();
    expect(await page.getByTestId('public-hotline').getAttribute('href')).toMatch(/^tel:0533/);
    expect(await page.getByTestId('public-point').count()).toBeGreaterThan(0);
    // H-10.4.4: the complaint rules and completion limits, with the 5 working days of G-5.7.2.
    expect(await page.getByTestId('public-complaints').textContent()).toContain('12345');
    expect(await page.getByTestId('public-complaint-limit').first().textContent()).toContain('5');
    expect(await page.getByTestId('public-price').count()).toBeGreaterThan(0);
    // G-5.4.5: staff badge numbers and duties, names by surname only.
    const staff = (await page.getByTestId('public-staff').textContent()) ?? '';
    expect(staff).toMatch(/\*/);
    // G-5.4.5 b, e: the service commitments with accountability, and safety knowledge (the gas company's charter).
    expect(await page.getByTestId('public-charter-commitments').textContent()).toContain('服务问责');
    expect(await page.getByTestId('public-charter-safety').textContent()).toContain('闻到燃气味');
    const results = page.getByTestId('public-results');
    await results.getByTestId('public-result').first().waitFor();
    expect(await results.textContent()).toContain(period);
    expect(await results.textContent()).toContain('主管部门公布');
    await shot(page, 'residents-public-info');
    await context.close();
  }, 60_000);

  it('G-5.8.1: a resident signs himself up on a phone with the SMS code and lands on his accounts', async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-sign-up').click();
    await page.getByTestId('signup-card').waitFor();
    await page.getByTestId('signup-enterprise').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '燃气' }).first().click();
    await field(page, 'signup-phone').fill('13905331357');
    await page.getByTestId('signup-send').click();
    const demo = (await page.getByTestId('signup-demo-code').textContent()) ?? '';
    await field(page, 'signup-code').fill(/(\d{6})/.exec(demo)![1]!);
    await field(page, 'signup-name').fill('李雷');
    await field(page, 'signup-password').fill('Zibo#Gas2026');
    await page.getByTestId('signup-confirm').click();
    await page.waitForURL('**/r/accounts');
    await page.getByTestId('bind-card').waitFor();
    await shot(page, 'residents-signed-up');
    await context.close();
  }, 60_000);
});
