// Browser test of the resident's phone beyond the first flow (issue 16), at 390 × 844:
// - page time (H-7.5.5, G-4.2.3 "fast and indexable"): every public page without a session, and the resident's
//   home, loaded on a slow phone network emulated through CDP Network.emulateNetworkConditions — 400 kbit/s down,
//   400 kbit/s up, 400 ms latency ("slow 3G"-like) — from navigation start until the page's content is on screen;
// - one login across companies (G-5.8.1): the demo resident binds the heating company's account too, and his home
//   shows both with their companies;
// - booking a visit (G-5.9.2, H-7.3.2): a room-temperature test at a proposed time, agreed by the company, tracked
//   with its deadline and history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { apiLogin, cspViolations, launchBrowser, screenshot, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;
const PHONE = { width: 390, height: 844 };
/** "Slow 3G"-like: 400 kbit/s each way (50 000 bytes/s), 400 ms added to every request. */
const SLOW = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };

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

const phoneContext = (b: Browser) =>
  b.newContext({
    viewport: PHONE,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: true,
    hasTouch: true,
  });

/** Opens `path` on the slow profile; the time until `ready` is visible, and the bytes that crossed the network. */
async function timed(context: BrowserContext, path: string, ready: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
  const started = Date.now();
  await page.goto(`${server.url}${path}`, { waitUntil: 'commit', timeout: 120_000 });
  await page.locator(ready).first().waitFor({ timeout: 120_000 });
  const ms = Date.now() - started;
  // The browser's own clock too: first contentful paint from navigation start, without this test's polling.
  // The paint entry is posted after the frame that shows the content: wait for it (null only after 30 s).
  const fcp = await page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), 30_000);
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (!entry) return;
          clearTimeout(timer);
          resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  return { page, ms, fcp: fcp === null ? null : Math.round(fcp), kb: Math.round(bytes / 1024) };
}

describe.skipIf(!process.env.RANRE_E2E)('residents on a phone: page time, several companies, booking', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer(400_000);
    browser = await launchBrowser();
  }, 450_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('H-7.5.5, G-4.2.3 on a slow phone network every public page without sign-in paints from under 20 kB; the web app pages and the resident home are measured', async () => {
    const { items } = (await (await fetch(`${server.url}/api/public/enterprises`)).json()) as {
      items: { id: string; name: string }[];
    };
    const gas = items.find((e) => e.name.includes('燃气'))!;
    const pages: [string, string][] = [
      ['/info', '[data-testid="public-enterprise"]'],
      [`/info/${gas.id}`, '[data-testid="public-hotline"]'],
      ['/catalogue', '[data-testid="page-catalogue"]'],
      ['/notice-board', '[data-testid="page-notice-board"]'],
      ['/cylinder-lookup', '[data-testid="cylinder-lookup"]'],
      ['/sign-up', '[data-testid="signup-card"]'],
      ['/login', '[data-testid="login-username"]'],
    ];
    // The server warmed first (a production server is warm): what is measured is the network and the phone.
    for (const [path] of pages) expect((await fetch(`${server.url}${path}`)).status, path).toBe(200);
    // And the phone's browser already running (its first page ever pays the renderer's start-up, not the network).
    const warm = await phoneContext(browser);
    await (await warm.newPage()).goto(`${server.url}/info`);
    await warm.close();
    const results: Record<string, { ms: number; fcp: number | null; kb: number }> = {};
    for (const [path, ready] of pages) {
      // Each public page as a first visit: a fresh context, nothing cached, no session.
      const context = await phoneContext(browser);
      const { ms, fcp, kb } = await timed(context, path, ready);
      results[path] = { ms, fcp, kb };
      await context.close();
    }
    // The resident's home, signed in (the session cookie set beforehand), first visit and next visit.
    const cookie = await apiLogin(server.url, 'resident');
    const context = await phoneContext(browser);
    const [name, value] = cookie.split(';')[0]!.split('=');
    await context.addCookies([{ name: name!, value: value!, url: server.url }]);
    const home = await timed(context, '/r/accounts', '[data-testid^="account-RQ"]');
    results['/r/accounts (first visit)'] = { ms: home.ms, fcp: home.fcp, kb: home.kb };
    const again = await timed(context, '/r/accounts', '[data-testid^="account-RQ"]');
    results['/r/accounts (next visit)'] = { ms: again.ms, fcp: again.fcp, kb: again.kb };
    await screenshot(again.page, 'residents-home-slow', true, 200);
    await context.close();
    console.log(`page time on 400 kbit/s, 400 ms: ${JSON.stringify(results, null, 1)}`);
    // The times are logged, not asserted (a timed test fails on a loaded machine, not on a slow page): the 1 s
    // target is measured by bench/public-pages.bench.ts against the same bytes served bare. What decides the time on
    // this profile is asserted: the public pages paint their content from under 20 kB, with no script to wait for.
    const serverRendered = ['/info', `/info/${gas.id}`, '/catalogue', '/notice-board', '/cylinder-lookup'];
    for (const path of serverRendered) {
      expect(results[path]!.fcp, path).not.toBeNull();
      expect(results[path]!.kb, path).toBeLessThan(20);
    }
    for (const [path, r] of Object.entries(results)) expect(r.kb, path).toBeLessThan(500);
  }, 600_000);

  it('G-5.4.5, H-7.5.5, G-7.1.13 the server-rendered public pages work on a phone without script: charter and results, guide tabs and search, the cylinder form', async () => {
    const { items } = (await (await fetch(`${server.url}/api/public/enterprises`)).json()) as {
      items: { id: string; name: string; kind: string }[];
    };
    const heat = items.find((e) => e.kind === 'heating')!;
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    const fitsPhone = async () =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
    // The heating company's page: its charter (the 18 ℃ it promises, accountability with the reopen period).
    await page.goto(`${server.url}/info/${heat.id}`);
    expect(await page.getByTestId('public-charter-quality').textContent()).toContain('不低于 18℃');
    expect(await page.getByTestId('public-charter-commitments').textContent()).toContain('服务问责');
    expect(await page.getByTestId('public-charter-rights').textContent()).toContain('权利');
    expect(await page.getByTestId('public-results').count()).toBe(1);
    await fitsPhone();
    await screenshot(page, 'residents-public-info-server', true, 100);
    // The guide: the heating tab by a plain link, a search by a plain form, an item opened.
    await page.goto(`${server.url}/catalogue`);
    await page.getByRole('link', { name: '供热', exact: true }).click();
    await page.waitForURL(/sector=heating/);
    expect(await page.locator('[data-testid^="catalogue-item-heating"]').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: '燃气', exact: true }).click();
    await page.waitForURL(/sector=gas/);
    await page.getByRole('searchbox').fill('投诉');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/q=/);
    const complaint = page.getByTestId('catalogue-item-gas_complaint');
    await complaint.locator('summary').click();
    expect(await complaint.textContent()).toContain('G-5.7.2');
    await fitsPhone();
    await screenshot(page, 'residents-catalogue-server', false, 100);
    // The cylinder lookup: a code typed into the form; an unregistered one must not be used.
    await page.goto(`${server.url}/cylinder-lookup`);
    await page.getByTestId('pc-code').fill('ZZ0000001');
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.getByTestId('pc-verdict').textContent()).toContain('请勿使用');
    await fitsPhone();
    // The board.
    await page.goto(`${server.url}/notice-board`);
    await page.getByTestId('page-notice-board').waitFor();
    await fitsPhone();
    expect(scripts).toEqual([]);
    await context.close();
  }, 120_000);

  it('G-5.8.1, G-5.9.2 one login binds a heating account of another company and books a temperature test on it', async () => {
    // The heating company has the household on file; the demo resident (a gas company login) holds that account.
    const heatAdmin = await apiLogin(server.url, 'heat_admin');
    const me = (await api(heatAdmin, 'GET', '/auth/me')) as { user: { enterpriseName: string } };
    const heatCompany = me.user.enterpriseName;
    const made = (await api(heatAdmin, 'POST', '/customers', {
      accountNo: 'E2E-HEAT-01',
      kind: 'heating_resident',
      name: '韩梅梅',
      phone: '13905338765',
      premises: {
        district: '张店区',
        street: '车站街道',
        community: '和平社区',
        building: '7',
        unit: '1',
        floor: 3,
        buildingFloors: 6,
        room: '302',
        heatedAreaM2: 86.5,
        unitHeatUseRate: 85,
      },
    })) as { account: { id: string } };
    expect(made.account.id).toBeTruthy();

    const page = await signInPage(browser, server.url, 'resident', PHONE);
    await page.waitForURL('**/r/accounts');
    await page.getByTestId('bind-card').waitFor();
    await page.getByTestId('bind-enterprise').click();
    await page.locator('.ant-select-item-option').filter({ hasText: heatCompany }).first().click();
    const field = (id: string) =>
      page.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).first();
    await field('bind-account').fill('E2E-HEAT-01');
    await field('bind-name').fill('韩梅梅');
    await field('bind-last4').fill('8765');
    await page.getByTestId('bind-send').click();
    const demo = (await page.getByTestId('bind-demo-code').textContent()) ?? '';
    await field('bind-code').fill(/(\d{6})/.exec(demo)![1]!);
    await page.getByTestId('bind-confirm').click();
    // His home shows the gas account and the heating account, each with its company.
    const heatCard = page.getByTestId('account-E2E-HEAT-01');
    await heatCard.waitFor();
    expect(await heatCard.getByTestId('account-enterprise').textContent()).toBe(heatCompany);
    const companies = await page.getByTestId('account-enterprise').allTextContents();
    expect(new Set(companies).size).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'residents-two-companies', true, 400);

    // Book a room-temperature test at a proposed time (tomorrow 10:00 Beijing time).
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${server.url}/r/book`);
    await page.getByTestId('book-card').waitFor();
    await page.getByTestId('book-account').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'E2E-HEAT-01' }).click();
    await page.getByTestId('book-kind-temperature_test').waitFor();
    await page.locator('input[data-testid="book-time"]').fill(`${tomorrow}T10:00`);
    await page.locator('textarea[data-testid="book-note"]').fill('卧室偏冷，上午在家');
    await page.getByTestId('book-submit').click();
    await page.getByTestId('book-done').waitFor();
    const booking = page.getByTestId('booking').first();
    await booking.waitFor();
    expect(await booking.getByTestId('booking-status').textContent()).toBe('待确认');
    expect(await booking.getByTestId('booking-due').textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await screenshot(page, 'residents-booked', true, 400);

    // The heating company agrees 10:30; the resident sees the agreed time and tracks the order.
    const { items } = (await api(await apiLogin(server.url, 'resident'), 'GET', '/resident/bookings')) as {
      items: { order: { id: string } | null }[];
    };
    const orderId = items[0]!.order!.id;
    const dispatcher = await apiLogin(server.url, 'heat_dispatcher');
    const { version } = await api(dispatcher, 'GET', `/work-orders/${orderId}`);
    await api(dispatcher, 'POST', `/work-orders/${orderId}/events`, {
      version,
      event: { type: 'appointment_agreed', agreedAt: `${tomorrow}T10:30:00+08:00` },
    });
    await page.reload();
    await page.getByTestId('booking-agreed').first().waitFor();
    expect(await page.getByTestId('booking-agreed').first().textContent()).toContain(`${tomorrow} 10:30`);
    expect(await page.getByTestId('booking-status').first().textContent()).toBe('已约定');
    await page.getByTestId('booking-order').first().click();
    await page.waitForURL(`**/r/orders/${orderId}`);
    await page.getByTestId('order-state').waitFor();
    await page.getByTestId('clock-due').first().waitFor();
    await screenshot(page, 'residents-booking-order', true, 400);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  }, 240_000);
});
