// Browser test of sign-in and the role-dependent menu, against a real server with a fresh database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  cspViolations,
  DESKTOP,
  launchBrowser,
  PASSWORD,
  SHOTS,
  watchCsp,
  type Viewport,
} from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;

async function newPage(viewport: Viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  watchCsp(page);
  return page;
}

async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

async function signedIn(username: string, viewport?: Viewport): Promise<Page> {
  const page = await newPage(viewport);
  await signIn(page, username);
  await page.getByTestId('current-role').waitFor();
  return page;
}

describe.skipIf(!process.env.RANRE_E2E)('login and role menus (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the regulator sees enterprises and audit', async () => {
    const page = await signedIn('regulator');
    await expect.poll(() => page.getByTestId('current-role').textContent()).toBe('监管部门');
    expect(await page.getByTestId('menu-enterprises').isVisible()).toBe(true);
    expect(await page.getByTestId('menu-audit').isVisible()).toBe(true);
    expect(await page.getByTestId('menu-calendar').isVisible()).toBe(true);

    // Home: enterprise card and the per-kind chart.
    await page.getByTestId('home-by-kind').locator('canvas').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500); // let the chart and table animations finish
    await page.screenshot({ path: `${SHOTS}/ranre-home.png`, fullPage: true });

    await page.getByTestId('menu-calendar').click();
    await page.getByTestId('calendar-year-view').waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}/ranre-calendar.png`, fullPage: true });

    await page.getByTestId('menu-enterprises').click();
    await page.getByTestId('page-enterprises').locator('tbody tr.ant-table-row').first().waitFor();
    await page.context().close();
  });

  it('an agent sees neither enterprises nor users', async () => {
    const page = await signedIn('gas_agent');
    await expect.poll(() => page.getByTestId('current-role').textContent()).toBe('客服坐席');
    await page.getByTestId('menu-home').waitFor();
    expect(await page.getByTestId('menu-staff').isVisible()).toBe(true);
    expect(await page.getByTestId('menu-enterprises').count()).toBe(0);
    expect(await page.getByTestId('menu-users').count()).toBe(0);
    expect(await page.getByTestId('menu-audit').count()).toBe(0);
    await page.context().close();
  });

  it('an enterprise admin sees their enterprise and accounts', async () => {
    const page = await signedIn('gas_admin');
    await page.getByTestId('menu-enterprise').waitFor();
    expect(await page.getByTestId('menu-users').isVisible()).toBe(true);
    expect(await page.getByTestId('menu-enterprises').count()).toBe(0);
    await page.context().close();
  });

  it('a wrong password shows the error and stays on the login page', async () => {
    const page = await newPage();
    await signIn(page, 'heat_agent', 'not-the-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect((await error.textContent())?.trim().length).toBeGreaterThan(4);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByTestId('current-role').count()).toBe(0);
    await page.context().close();
  });

  it('switching to English changes the menu text, and it is remembered', async () => {
    const page = await signedIn('regulator');
    await expect.poll(() => page.getByTestId('menu-home').textContent()).toBe('总览');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('menu-home').textContent()).toBe('Overview');
    expect(await page.getByTestId('menu-enterprises').textContent()).toBe('Enterprises');
    expect(await page.getByTestId('current-role').textContent()).toBe('Regulator');
    await page.reload();
    await expect.poll(() => page.getByTestId('menu-home').textContent()).toBe('Overview');
    await page.context().close();
  });

  it('on a phone the menu collapses behind a button', async () => {
    const page = await signedIn('gas_agent', { width: 390, height: 844 });
    await page.getByTestId('menu-toggle').waitFor();
    expect(await page.getByTestId('menu-home').isVisible()).toBe(false);
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('menu-calendar').click();
    await page.getByTestId('calendar-year-view').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}/ranre-mobile-calendar.png` });
    await page.context().close();
  });

  // Issue 12: the pages are served with a CSP; nothing the UI needs may be blocked by it.
  it('the UI is served with its security headers and the CSP blocked nothing on the pages above', async () => {
    const res = await fetch(`${server.url}/login`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(cspViolations).toEqual([]);
  });
});
