// Browser test of H-10.4: the heating company's dispatcher judges a complaint not reasonable, is asked for the reason
// the customer is answered with, records it, and the answer and the 12345 report wait in the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiLogin, launchBrowser, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;
let orderId = '';
let orderNo = '';

describe.skipIf(!process.env.RANRE_E2E)('judging a heating complaint (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
    const cookie = await apiLogin(server.url, 'heat_agent');
    const res = await fetch(`${server.url}/api/work-orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        itemCode: 'heating_service_complaint',
        channel: 'phone',
        callerName: '孙立华',
        callerPhone: '13905337701',
        address: '张店区 银座佳苑 3号楼 2单元 501',
        description: '要求供热企业提前半个月开始供热',
        complaintCategory: 'attitude',
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    ({ id: orderId, orderNo } = (await res.json()) as { id: string; orderNo: string });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('H-10.4.1, H-10.4.4: judged not reasonable with its basis and reason; the answer and the 12345 report are queued', async () => {
    const page = await signInPage(browser, server.url, 'heat_dispatcher');
    await page.goto(`${server.url}/orders/${orderId}`);
    await page.getByTestId('action-complaint_judged').click();
    await page.getByTestId('field-reasonable').getByText('不合理投诉').click();
    await page.getByTestId('field-basis').fill('《山东省供热条例》：供热期由市人民政府确定');
    await page.getByTestId('event-submit').click();
    // Without the reason the customer is answered with, the server refuses and says what is missing.
    expect(await page.getByTestId('event-error').textContent()).toContain('H-10.4.4');
    await page.getByTestId('field-reason').fill('诉求为提前开始供热，超出供热合同约定的供热期');
    await page.getByTestId('event-submit').click();
    const judgement = page.getByTestId('complaint-judgement');
    await judgement.waitFor();
    expect(await judgement.textContent()).toContain('不合理投诉');
    await page.context().close();

    const admin = await signInPage(browser, server.url, 'heat_admin');
    await admin.goto(`${server.url}/outbox`);
    await admin.getByText(`不合理投诉报备 ${orderNo}`).waitFor();
    await admin.getByText(`投诉答复 ${orderNo}`).waitFor();
    await admin.context().close();
  });
});
