// Browser test of issue 18's vehicle gas at the pump on a phone: the attendant checks an LNG truck at a CNG
// dispenser (refused: medium, G-8.1.1), a taxi whose cylinder certificate expired (refused, G-8.1.10), and a
// compliant taxi, which is accepted and its fill logged (G-8.1.4); then the station master's dispensers, with the
// one near its verification date (G-8.1.2), and the leak case being handled (G-8.1.5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cspViolations, launchBrowser, screenshot, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;
const PHONE = { width: 390, height: 844 };

describe.skipIf(!process.env.RANRE_E2E)('vehicle gas filling check (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer(480_000);
    browser = await launchBrowser();
  }, 500_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-8.1.1 G-8.1.10 G-8.1.4: refused for the medium and an expired certificate, a compliant taxi filled', async () => {
    const page = await signInPage(browser, server.url, 'cng_attendant', PHONE);
    await page.goto(`${server.url}/vehicle-filling`);
    await page.getByTestId('vg-station').waitFor();
    await page.getByTestId('vf-dispenser').getByText('1号机').waitFor();
    const plate = page.getByTestId('vf-plate');

    await plate.fill('鲁C·H2281');
    await page.getByTestId('vf-check').click();
    let refused = page.getByTestId('vf-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('介质不符');
    await screenshot(page, 'vehicle-gas-refused-phone');
    await refused.getByRole('button').click();

    await plate.fill('鲁CT2022');
    await page.getByTestId('vf-check').click();
    refused = page.getByTestId('vf-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('到期');
    await refused.getByRole('button').click();

    await plate.fill('鲁CT2001');
    await page.getByTestId('vf-check').click();
    await page.getByTestId('vf-accepted').waitFor();
    await page
      .locator('input[data-testid="vf-quantity"], [data-testid="vf-quantity"] input')
      .first()
      .fill('11.5');
    await page.getByTestId('vf-record').click();
    const result = page.getByTestId('vf-result');
    await result.waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('加气已记录');
    expect(text).toContain('11.5 kg');
    await screenshot(page, 'vehicle-gas-accepted-phone');
    // The refusals just made are kept and listed for the day.
    await page
      .getByTestId('vf-today-refused')
      .getByText(/[2-9]|\d\d/)
      .waitFor();
    await page.context().close();
    expect(cspViolations).toEqual([]);
  });

  it('G-8.1.2 G-8.1.5: the station master sees the dispenser near its due date and the leak being handled', async () => {
    const page = await signInPage(browser, server.url, 'cng_admin', PHONE);
    await page.goto(`${server.url}/vehicle-gas?tab=dispensers`);
    await page.getByTestId('vg-dispensers').waitFor();
    await page
      .getByTestId('vg-dispensers')
      .getByText(/即将到期/)
      .first()
      .waitFor();
    await page.getByTestId('vg-dispenser-alert').first().waitFor();
    await page.goto(`${server.url}/vehicle-gas?tab=leaks`);
    await page.getByTestId('vg-leak-next').waitFor();
    await page.getByTestId('vg-leak-next').click();
    await page.getByTestId('vg-leak-note').fill('更换瓶口阀密封件，复检无泄漏');
    await page.getByRole('button', { name: /OK|确\s*定/ }).click();
    await page.getByTestId('vg-leaks').getByText('更换瓶口阀密封件').waitFor();
    await screenshot(page, 'vehicle-gas-leak-phone');
    // G-8.1.10: a vehicle's certificates, checks and fills read as one record.
    await page.goto(`${server.url}/vehicle-gas?tab=vehicles`);
    await page.getByTestId('vg-vehicle-plate').first().click();
    await page.getByTestId('vg-vehicle-detail').getByText('检验合格证记录').waitFor();
    await page.context().close();
    expect(cspViolations).toEqual([]);
  });
});
