// Browser test: the Chinese UI shows words, not untranslated message keys or English-only labels. Each role's menu
// is walked; on every page the visible labels (table headers and cells' tags, descriptions, buttons, menu) are read,
// and a raw key (`audit.action`, `user.login`, `meter_dispute.result`) or a Latin-only word that is not a code
// (`sms`, `cash`, `system`; codes such as G-6.2.4, RQ0001 or 12345 are fine) fails the test, naming page and text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;

/** A label is suspicious when it has lowercase Latin letters and no Chinese: a key or an English word. */
const RAW_KEY = /^[a-z][a-z0-9]*(?:[._][a-z0-9]+)+$/i;
const LATIN_WORD = /^[A-Za-z][A-Za-z _./-]*$/;
/** Codes, units and names that are Latin on purpose. */
const ALLOWED = /^(?:[A-Z0-9][A-Z0-9\-_.·/ ]*|m³|kWh|PDF|Excel|CSV|WeChat|Alipay|ID|OK|SMS|App|GJ|°C)$/;

const LABELS = [
  '.ant-table-thead th',
  '.ant-table-tbody .ant-tag',
  '.ant-descriptions-item-label',
  '.ant-descriptions-item-content .ant-tag',
  'main button',
  '.ant-menu-title-content',
  '.ant-card-head-title',
  '.ant-empty-description',
].join(', ');

async function offending(page: Page): Promise<string[]> {
  const texts = await page.$$eval(LABELS, (els) =>
    els.map((e) => (e as HTMLElement).innerText.trim()).filter((t) => t.length > 0 && t.length < 60),
  );
  return [...new Set(texts)]
    .filter((t) => !/[\u4e00-\u9fff]/.test(t) && !ALLOWED.test(t))
    .filter((t) => RAW_KEY.test(t) || LATIN_WORD.test(t));
}

/** Every menu item is clicked (so the last one must not sit under the collapse button) and its page read. */
async function walk(username: string, viewport = { width: 1440, height: 900 }): Promise<string[]> {
  const page = await signInPage(browser, server.url, username, viewport);
  const found: string[] = [];
  const keys = await page.$$eval('[data-testid^="menu-"]', (els) =>
    els.map((e) => e.getAttribute('data-testid')!).filter((k) => k !== 'menu-collapse'),
  );
  for (const key of keys) {
    const item = page.getByTestId(key).first();
    if (!(await item.isVisible())) continue;
    await item.click();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    for (const t of await offending(page)) found.push(`${username} ${key}: ${t}`);
  }
  await page.context().close();
  return found;
}

describe.skipIf(!process.env.RANRE_E2E)('the Chinese UI speaks Chinese (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('no untranslated key or Latin-only label on any page of the regulator, gas, heating and resident roles', async () => {
    const found: string[] = [];
    for (const user of ['regulator', 'gas_admin', 'gas_agent', 'resident']) found.push(...(await walk(user)));
    found.push(...(await walk('heat_admin', { width: 1366, height: 768 })));
    expect(found).toEqual([]);
  }, 600_000);
});
