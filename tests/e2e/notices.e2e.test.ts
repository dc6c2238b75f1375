// Browser test of service notices (H-6.4.5, issue 5): the heating company's administrator publishes an interruption
// notice for a community, expected to last over 24 h; the detail shows how many households were queued through the
// outbox; an agent opening a caller from that community is shown the apology and restore time (H-7.3.7); the public
// notice board, without signing in, shows it with cause, repair section and expected restore.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signInPage, PASSWORD } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

const TITLE = '柳泉路支线阀门更换停热';

let server: TestServer;
let browser: Browser;
const signedIn = (username: string) => signInPage(browser, server.url, username);
const shot = (p: Page, name: string) => screenshot(p, name, true, 600);
let community = '';
let households = 0;

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai, `hours` from now. */
function shanghai(hours: number): string {
  const d = new Date(Date.now() + hours * 3_600_000 + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

async function pickDate(page: Page, testId: string, text: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

describe.skipIf(!process.env.RANRE_E2E)('service notices (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
    // The community the administrator will pick: the one with the most households in the demo archive.
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'heat_admin', password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const res = await fetch(`${server.url}/api/notices/communities`, { headers: { cookie } });
    const items = ((await res.json()) as { items: { community: string; households: number }[] }).items;
    const top = [...items].sort((a, b) => b.households - a.households)[0]!;
    community = top.community;
    households = top.households;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('H-6.4.5: the administrator publishes an interruption over 24 h and sees the households queued', async () => {
    const page = await signedIn('heat_admin');
    await page.getByTestId('menu-notices').click();
    await page.getByTestId('page-notices').waitFor();
    // the demo season's notices are listed
    await expect.poll(() => page.getByTestId('notices-table').textContent()).toContain('注水');
    await shot(page, 'notices-list');

    await page.getByTestId('notice-new').click();
    await page.getByTestId('notice-form').waitFor();
    await page.getByTestId('notice-title').fill(TITLE);
    await page.getByTestId('notice-communities').click();
    await page.keyboard.type(community);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: community })
      .first()
      .click();
    await page.keyboard.press('Escape');
    await pickDate(page, 'notice-starts', shanghai(-1));
    await pickDate(page, 'notice-restore', shanghai(30));
    await page.getByTestId('notice-cause').fill('支线阀门内漏，需更换');
    await page.getByTestId('notice-section').fill(`${community}北侧支线阀门井`);
    await page.getByTestId('notice-manager').fill('郑浩然');
    await page.getByTestId('notice-phone').fill('0533-3186201');
    await shot(page, 'notices-form');
    await page.getByTestId('notice-submit').click();

    await page.getByTestId('page-notice').waitFor();
    await expect
      .poll(() => page.getByTestId('notice-recipients').textContent())
      .toContain(String(households));
    expect(households).toBeGreaterThan(0);
    expect(await page.getByTestId('page-notice').textContent()).toContain('H-6.4.5');
    await shot(page, 'notices-detail');
    await page.context().close();
  });

  it('H-7.3.7: an agent who opens a caller from that community sees the apology and the restore time', async () => {
    const page = await signedIn('heat_agent');
    await page.getByTestId('page-console').waitFor();
    await page.getByTestId('customer-search').fill(community);
    await page.getByTestId('search-hit').first().waitFor();
    await page.getByTestId('customer-search').press('Enter');
    await page.getByTestId('customer-360').waitFor();
    const notice = page.getByTestId('customer-notices');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain(TITLE);
    expect(text).toContain('非常抱歉！因支线阀门内漏，需更换');
    expect(text).toContain(`预计 ${shanghai(30).slice(0, 13)}`);
    await shot(page, 'notices-console');
    await page.context().close();
  });

  it('H-6.4.5: the public board shows it without signing in, with cause, repair section and expected restore', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/notice-board`);
    await page.getByTestId('page-notice-board').waitFor();
    const card = page.getByTestId('board-notice').filter({ hasText: TITLE });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('支线阀门内漏');
    expect(text).toContain(`${community}北侧支线阀门井`);
    expect(text).toContain(shanghai(30).slice(0, 13));
    // the demo's overrun interruption is marked as such
    expect(await page.getByTestId('page-notice-board').textContent()).toContain('超时未恢复');
    await shot(page, 'notices-board');
    await context.close();
  });
});
