// Browser test: a page with nothing to show says why, in the words of the enterprise's own sector (issue 17: a
// bottled-gas company's board and a heating company's arrears looked broken).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { withCreditCodeCheckChar } from '@ranre/domain';
import { apiLogin, launchBrowser, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;

describe.skipIf(!process.env.RANRE_E2E)('empty pages say why (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a bottled-gas company's board with no open order says where orders come from", async () => {
    // A company new to the platform: the demo bottled-gas company has deliveries under way, so it cannot show this.
    const reg = await apiLogin(server.url, 'regulator');
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${server.url}/api${path}`, {
        method: 'POST',
        headers: { cookie: reg, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { id: string };
      expect(res.status, JSON.stringify(json)).toBe(201);
      return json;
    };
    const serial = String(Date.now() % 10_000_000).padStart(7, '0');
    const company = await post('/enterprises', {
      name: '淄博新开液化气有限公司',
      kind: 'bottled_gas',
      creditCode: withCreditCodeCheckChar(`91370300MA${serial}`),
      hotline: '0533-3169000',
      supervisionPhone: '0533-3186000',
      address: '淄博市张店区新村西路 8 号',
      servicePoints: [
        { name: '新村西路供应站', address: '张店区新村西路 8 号', hours: '周一至周日 8:00-18:00' },
      ],
    });
    await post('/users', {
      username: 'new_lpg_admin',
      displayName: '新开管理员',
      role: 'enterprise_admin',
      enterpriseId: company.id,
      password: 'Ranre@2026',
    });
    const page = await signInPage(browser, server.url, 'new_lpg_admin');
    await page.goto(`${server.url}/board`);
    await page.getByText('当前没有进行中的工单').waitFor();
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(0);
    await page.context().close();
  });

  it("a heating company's arrears page speaks of heating, not of stopping gas, and says why it is empty", async () => {
    const page = await signInPage(browser, server.url, 'heat_admin');
    await page.goto(`${server.url}/arrears`);
    await page.getByTestId('page-arrears').waitFor();
    const text = (await page.getByTestId('page-arrears').innerText()) ?? '';
    expect(text).toContain('停止供热');
    expect(text).not.toContain('停止供气');
    if ((await page.locator('.ant-table-tbody tr.ant-table-row').count()) === 0) {
      await page.getByText(/没有逾期 \d+ 天以上未结清的账户|尚未开具供热账单/).waitFor();
    }
    await page.context().close();
  });
});
