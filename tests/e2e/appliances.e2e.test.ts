// Browser test of appliance work (issue 19) on a phone (390 × 844): the demo appliance company's technician opens
// an installation waiting for consent, sees that the work cannot start, shows the price list and has the customer
// sign; starts; issues the quality certificate (refused first, naming the missing signature); completes the order
// and gets the receipt; the certificate PDF is served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { cspViolations, launchBrowser, screenshot, signInPage, type Viewport } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;
const PHONE: Viewport = { width: 390, height: 844 };

/** A few strokes on the signature canvas inside `scope`. */
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
    [220, 140],
  ] as const)
    await page.mouse.move(box.x + dx, box.y + dy, { steps: 4 });
  await page.mouse.up();
  expect(await canvas.getAttribute('data-empty')).toBe('false');
}

describe.skipIf(!process.env.RANRE_E2E)('appliance installation on a phone (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    // The demo seed takes 1.5 min on a loaded 2-core machine.
    server = await startServer(170_000);
    browser = await launchBrowser();
  }, 175_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-9.2.6 G-9.2.7 G-9.2.8: consent before the work, certificate after the test, receipt after completion', async () => {
    const page = await signInPage(browser, server.url, 'appl_tech', PHONE);
    await page.getByTestId('page-my').waitFor();
    await page.locator('[data-testid^="my-order-"]', { hasText: '孙丽萍' }).first().click();
    await page.getByTestId('page-my-order').waitFor();

    await page.getByTestId('action-arrived_on_site').click();
    // G-9.2.6: nothing starts before the customer signs the price list.
    await page.getByTestId('consent-card').waitFor();
    await page.getByTestId('blocked-started').waitFor();
    expect(await page.getByTestId('action-started').count()).toBe(0);
    await page.getByTestId('line-name-0').fill('嵌入式灶具安装人工');
    await page.getByTestId('line-price-0').fill('80');
    await page.getByTestId('line-add').click();
    await page.getByTestId('line-name-1').fill('灶具安装配件包');
    await page.getByTestId('line-price-1').fill('35');
    await page.getByTestId('consent-signer').click();
    await page.getByTestId('consent-total').filter({ hasText: '¥115.00' }).waitFor();
    await sign(page, page.getByTestId('consent-card'));
    await screenshot(page, 'appliances-consent', true, 400);
    await page.getByTestId('consent-submit').click();
    await page.getByTestId('consent-signed').waitFor();
    expect(await page.getByTestId('consent-charged').textContent()).toContain('¥115.00');

    await page.getByTestId('action-started').click();
    await page.getByTestId('certificate-card').waitFor();

    // G-9.2.7: the certificate is refused naming what is missing (the tester's signature), then issued.
    const cert = page.getByTestId('certificate-card');
    // G-9.2.4: the installation checklist, the outlet-valve rule first.
    await page.getByTestId('cert-check-afterOutletValve').click();
    await page.getByTestId('cert-check-compliantParts').click();
    await page.getByTestId('cert-brand').fill('示范牌');
    await page.getByTestId('cert-model').fill('JZT-2-E2E');
    await page.getByTestId('cert-co').fill('120');
    await page.getByTestId('cert-co-limit').fill('500');
    await page.getByTestId('cert-co-basis').fill('器具产品标准');
    await page.getByTestId('cert-tester').click();
    await screenshot(page, 'appliances-tester-select', false, 300);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '马晓峰',
      })
      .click();
    await sign(page, cert.getByTestId('cert-installer-pad'));
    await page.getByTestId('cert-submit').click();
    await page.getByTestId('certificate-error').filter({ hasText: '检测人员签字' }).waitFor();
    await sign(page, cert.getByTestId('cert-tester-pad'));
    await page.getByTestId('cert-submit').click();
    await page.getByTestId('certificate-issued').waitFor();
    await screenshot(page, 'appliances-certificate', true, 400);
    const href = await page.getByTestId('certificate-pdf').getAttribute('href');
    const pdf = await page.request.get(`${server.url}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    // Completion with the customer's signature on the record; then the receipt (G-9.2.6) and the warranty.
    const form = page.getByTestId('completion-form');
    await page.getByTestId('completion-result').fill('燃气灶安装完毕，气密性检测合格');
    await sign(page, form);
    await page.getByTestId('completion-submit').click();
    await page.getByTestId('receipt-pdf').waitFor();
    await page.getByTestId('warranties-in-force').waitFor();
    expect(await page.getByTestId('warranties-in-force').textContent()).toContain('安装保修');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'appliances-done', true, 400);
    expect(cspViolations).toEqual([]);
  }, 240_000);
});
