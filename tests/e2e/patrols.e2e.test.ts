// Browser test of the rest of issue 15 (migration 0041), on a phone (390 × 844): the inspector records a patrol of the
// network with a finding and its photo, which becomes a hazard of the ledger (major: in the regulator's queue); a
// customer's hazard is repaired by the company — the dispatcher starts the repair order from the hazard's file, the
// technician shows the price list and the customer signs on the phone before the work, and the file shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiLogin, launchBrowser, screenshot, signInPage, type Viewport } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;
const PHONE: Viewport = { width: 390, height: 844 };
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PLACE = '浏览器测试：华光路 7 号阀门井';
/** Beijing wall-clock time `hours` from now, as a datetime-local input takes it. */
const local = (hours: number) => new Date(Date.now() + (8 + hours) * 3600_000).toISOString().slice(0, 16);

async function sign(page: Page, scope: Locator) {
  const canvas = scope.getByTestId('signature-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 100);
  await page.mouse.down();
  for (const [dx, dy] of [
    [60, 60],
    [110, 150],
    [160, 70],
  ] as const)
    await page.mouse.move(box.x + dx, box.y + dy, { steps: 4 });
  await page.mouse.up();
}

describe.skipIf(!process.env.RANRE_E2E)('patrols and a hazard repaired by the company (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    // The demo seed takes minutes on a loaded 2-core machine.
    server = await startServer(280_000);
    browser = await launchBrowser();
  }, 290_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-5.11.10 G-6.2.17: on a phone the inspector records a patrol whose major finding is a reported hazard', async () => {
    const page = await signInPage(browser, server.url, 'gas_inspector', PHONE);
    await page.goto(`${server.url}/inspections?tab=patrols`);
    await page.getByTestId('patrol-new').click();
    await page.getByTestId('patrol-form').waitFor();
    await page.getByTestId('patrol-route').fill('浏览器测试中压干线');
    await page.getByTestId('patrol-area').fill('华光路沿线');
    await page.getByTestId('patrol-started').fill(local(-3));
    await page.getByTestId('patrol-ended').fill(local(-1));
    await page.getByTestId('patrol-add-finding').click();
    // The first item, a leak, is proposed as major.
    await page.getByTestId('patrol-location-0').fill(PLACE);
    await page.getByTestId('patrol-description-0').fill('阀门井内可燃气体浓度超标');
    await page
      .getByTestId('patrol-photo-0')
      .setInputFiles({ name: 'pit.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('patrol-finding-0').getByText('拍照 (1)').waitFor();
    await page.getByText('重大隐患提交后即时上报').waitFor();
    await screenshot(page, 'patrol-form', true, 400);
    await page.getByTestId('patrol-save').click();
    await page.getByText('巡检记录已提交').waitFor();
    const row = page.getByTestId('patrol-row').filter({ hasText: '浏览器测试中压干线' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('重大 1');
    await row.click();
    await page.getByTestId('patrol-drawer').getByTestId('patrol-hazard').first().click();
    await page.getByTestId('hazard-drawer').getByText(PLACE).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'patrol-hazard', true, 400);

    const reg = await signInPage(browser, server.url, 'regulator');
    await reg.goto(`${server.url}/inspections?tab=major`);
    await reg.getByTestId('major-table').locator('tr', { hasText: PLACE }).first().waitFor();
  }, 180_000);

  it('G-5.11.7: the repair a customer asks for is a work order whose price list is signed on the phone before work', async () => {
    // An open household hazard of the demo company without a repair order yet.
    const desk = await apiLogin(server.url, 'gas_dispatcher');
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}/api${path}`, {
        method,
        headers: { cookie: desk, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return res.json();
    };
    const ledger = await api('GET', '/hazards?status=open&source=inspection&limit=200');
    const target = ledger.items.find(
      (h: { customerId: string | null; repairOrderId: string | null }) => h.customerId && !h.repairOrderId,
    );
    expect(target).toBeTruthy();

    const page = await signInPage(browser, server.url, 'gas_dispatcher', PHONE);
    await page.goto(`${server.url}/inspections?tab=hazards`);
    await page
      .getByTestId('hazard-table')
      .locator('tr', { hasText: target.description })
      .filter({ hasText: target.customerName })
      .first()
      .click();
    const drawer = page.getByTestId('hazard-drawer');
    await drawer.getByTestId('hazard-repair-ask').click();
    const orderNo = (await drawer.getByTestId('hazard-repair-order').textContent())!.trim();
    await drawer.getByTestId('hazard-repair-consent').filter({ hasText: '待用户签字' }).waitFor();
    const { repairOrder } = await api('GET', `/hazards/${target.id}`);
    expect(repairOrder.orderNo).toBe(orderNo);
    const people = await api('GET', '/work-orders/assignees?itemCode=gas_repair');
    // 王海涛 is the demo company's technician (gas_tech).
    const assignee = people.items.find((u: { displayName: string }) => u.displayName === '王海涛').id;
    const order = await api('GET', `/work-orders/${repairOrder.id}`);
    await api('POST', `/work-orders/${repairOrder.id}/events`, {
      version: order.version,
      event: { type: 'dispatched', assignee },
    });

    const phone = await signInPage(browser, server.url, 'gas_tech', PHONE);
    await phone.goto(`${server.url}/my/${repairOrder.id}`);
    await phone.getByTestId('page-my-order').waitFor();
    await phone.getByTestId('action-accepted').click();
    await phone.getByTestId('action-arrived_on_site').click();
    await phone.getByTestId('consent-card').waitFor();
    await phone.getByTestId('blocked-started').waitFor();
    await phone.getByTestId('line-name-0').fill('燃气专用不锈钢波纹管');
    await phone.getByTestId('line-price-0').fill('45');
    await phone.getByTestId('consent-signer').click();
    await phone.getByTestId('consent-signer').fill(target.customerName);
    await phone.getByTestId('consent-total').filter({ hasText: '¥45.00' }).waitFor();
    await sign(phone, phone.getByTestId('consent-card'));
    await phone.getByTestId('consent-submit').click();
    await phone.getByTestId('consent-signed').waitFor();
    await phone.getByTestId('action-started').waitFor();
    await screenshot(phone, 'hazard-repair-consent', true, 400);

    await page.reload();
    await page
      .getByTestId('hazard-table')
      .locator('tr', { hasText: target.description })
      .filter({ hasText: target.customerName })
      .first()
      .click();
    await page.getByTestId('hazard-repair-consent').filter({ hasText: '45.00' }).waitFor();
    expect(await page.getByTestId('hazard-drawer').textContent()).toContain('用户委托企业维修');
  }, 180_000);
});
