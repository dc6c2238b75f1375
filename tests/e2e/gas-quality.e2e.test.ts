// Browser test of G-5.1.8: the gas company's admin publishes a gas-quality test result on its own page, and anyone
// reads it on the public information page without signing in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;

describe.skipIf(!process.env.RANRE_E2E)('gas quality published (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-5.1.8: the admin publishes type, composition, calorific value and pressure; the public page shows them', async () => {
    const page = await signInPage(browser, server.url, 'gas_admin');
    await page.goto(`${server.url}/enterprise`);
    const card = page.getByTestId('gas-quality-card');
    await card.waitFor();
    // Yesterday in Beijing: a test result is never dated after today.
    const yesterday = new Date(Date.now() + 8 * 3600_000 - 24 * 3600_000).toISOString().slice(0, 10);
    await card.getByTestId('gq-tested-on').click();
    await page.keyboard.type(yesterday);
    await page.keyboard.press('Enter');
    await card.getByTestId('gq-calorific').fill('35.59');
    await card.getByTestId('gq-pressure').fill('2');
    await card.getByTestId('gq-tested-by').fill('淄博市燃气质量检测中心');
    await card.getByTestId('gq-publish').click();
    await card.getByTestId('gas-quality-facts').waitFor();
    expect(await card.getByTestId('gas-quality-facts').textContent()).toContain('35.59 MJ/m³');
    const enterpriseId = await page.evaluate(async () => {
      const me = (await fetch('/api/auth/me').then((r) => r.json())) as { user: { enterpriseId: string } };
      return me.user.enterpriseId;
    });
    await page.context().close();

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const anon = await context.newPage();
    await anon.goto(`${server.url}/info/${enterpriseId}`);
    const facts = anon.getByTestId('public-gas-quality');
    await facts.waitFor();
    const text = (await facts.textContent()) ?? '';
    for (const part of ['天然气', '甲烷 96.00%', '35.59 MJ/m³', '2.0 kPa', yesterday])
      expect(text).toContain(part);
    await context.close();
  });
});
