// What every browser test does the same way: start Debian's chromium, sign in through the login page or the API,
// and take a screenshot a person can look at.
import { chromium, type Browser, type Page } from 'playwright-core';

export const PASSWORD = 'Ranre@2026';
export const SHOTS = process.env.RANRE_E2E_SHOTS ?? '/tmp';
export type Viewport = { width: number; height: number };
export const DESKTOP: Viewport = { width: 1366, height: 900 };

/** What the browser reported as blocked by the Content-Security-Policy, on every page signed in here (issue 12). */
export const cspViolations: string[] = [];

/** Collects the page's CSP reports (chromium logs each blocked load or inline use as a console error). */
export function watchCsp(page: Page): void {
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) cspViolations.push(m.text());
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Without the background-networking flags chromium keeps dialling Google's hosts, which this closed network
    // refuses many at a time.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A new page signed in as `username` through the login form; a viewport narrower than 500 px is a phone. */
export async function signInPage(
  browser: Browser,
  url: string,
  username: string,
  viewport: Viewport = DESKTOP,
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(viewport.width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  watchCsp(page);
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-role').waitFor();
  return page;
}

/** Signs in over the API and returns the session cookie, for setting up data the browser then works on. */
export async function apiLogin(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** A screenshot under RANRE_E2E_SHOTS once the page is idle and animations (charts) have settled. */
export async function screenshot(page: Page, name: string, fullPage = true, settleMs = 800): Promise<void> {
  await page.waitForLoadState('networkidle');
  // A full-page capture draws the sticky header where the page is scrolled to; start from the top.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(settleMs);
  await page.screenshot({ path: `${SHOTS}/ranre-${name}.png`, fullPage });
}

/** A few strokes on the signature canvas (`signature-canvas`), as a customer signs with a finger. */
export async function drawSignature(page: Page): Promise<void> {
  const canvas = page.getByTestId('signature-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 120);
  await page.mouse.down();
  for (const [dx, dy] of [
    [60, 60],
    [110, 150],
    [160, 70],
    [220, 140],
    [280, 80],
  ] as const)
    await page.mouse.move(box.x + dx, box.y + dy, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="signature-canvas"]')?.getAttribute('data-empty') === 'false',
  );
}

/** Picks an option in an Ant Design select by typing part of its label. */
export async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  // The previous select's dropdown may still be closing: wait for an active option that matches this text.
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')
    .filter({ hasText: text })
    .last()
    .waitFor();
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'),
  );
}
