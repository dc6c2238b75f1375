// Browser test of the working calendar past the last published notice: a provisional deadline, then the
// regulator imports that year's notice from the calendar page and the deadline is no longer provisional.
// It uses 2099, a year no notice will cover while this code lives, so it holds on any date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SHOTS, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;

async function tryLimit(page: Page, start: string, limit: string) {
  const input = page.getByTestId('try-start');
  await input.click();
  await input.fill(start);
  await input.press('Enter');
  await page.getByTestId('try-limit-input').fill(limit);
  await page.getByTestId('try-submit').click();
  await page.getByTestId('try-result').waitFor();
}

describe.skipIf(!process.env.RANRE_E2E)('working calendar without next year’s notice (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-5.7.2: a deadline into a year without a notice is provisional until the regulator imports the notice', async () => {
    const page = await signInPage(browser, server.url, 'regulator');
    await page.getByTestId('menu-calendar').click();
    await page.getByTestId('calendar-year-view').waitFor();

    await tryLimit(page, '2099-01-05 09:00', '5wd');
    await expect.poll(() => page.getByTestId('try-result').textContent()).toContain('2099-01-12 24:00');
    expect(await page.getByTestId('try-provisional').isVisible()).toBe(true);
    expect(await page.getByTestId('try-result').textContent()).toContain('暂定');

    const notice = {
      year: 2099,
      days: [
        { name: '元旦', date: '2099-01-01', isOffDay: true },
        { name: '元旦', date: '2099-01-02', isOffDay: true },
        { name: '元旦', date: '2099-01-10', isOffDay: false },
      ],
    };
    await page.getByTestId('calendar-import-text').fill(JSON.stringify(notice));
    await page.getByTestId('calendar-import-submit').click();
    await expect
      .poll(() => page.getByTestId('calendar-import-result').textContent())
      .toContain('2099 年放假通知已导入');
    await page.screenshot({ path: `${SHOTS}/ranre-calendar-import.png`, fullPage: true });

    // Saturday 01-10 is now a make-up working day: 01-06 … 01-09 and 01-10 count, and nothing is provisional.
    await tryLimit(page, '2099-01-05 09:00', '5wd');
    await expect
      .poll(() => page.getByTestId('try-result').textContent(), { timeout: 10_000 })
      .toContain('2099-01-10 24:00');
    await expect.poll(() => page.getByTestId('try-provisional').count(), { timeout: 10_000 }).toBe(0);
    await page.context().close();
  });
});
