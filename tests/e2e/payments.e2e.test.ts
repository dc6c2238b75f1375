// Browser test of payment at the counter (G-6.2.8, G-6.2.9, issue 4): an agent finds a demo customer in arrears,
// sees the balance and the overdue notices, takes the payment (a double click records one), hands over the
// numbered receipt, and sees the balance fall — on the counter screen and in the customer 360.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, launchBrowser, screenshot, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;
const signedIn = (username: string) =>
  signInPage(browser, server.url, username, { width: 1440, height: 960 });
const apiSession = (username: string) => apiLogin(server.url, username);
const shot = (p: Page, name: string) => screenshot(p, name, true, 600);

/** The <input> of an antd field, whether the test id sits on the input or on its wrapper. */
const field = (page: Page, id: string) =>
  page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

const fen = (text: string | null) => Math.round(Number((text ?? '').replace(/[¥,]/g, '')) * 100);

describe.skipIf(!process.env.RANRE_E2E)('payment at the counter (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-6.2.8, G-6.2.9: an agent takes an overdue payment at the counter, prints the receipt, the balance falls', async () => {
    const cookie = await apiSession('gas_agent');
    const res = await fetch(`${server.url}/api/arrears?sort=days&limit=50`, { headers: { cookie } });
    const arrears = (await res.json()) as {
      items: {
        customerId: string;
        accountNo: string;
        name: string;
        overdueFen: number;
        balanceFen: number;
      }[];
    };
    expect(arrears.items.length, 'the demo seed leaves accounts in arrears').toBeGreaterThan(0);
    // A household-sized debt (the oldest first), so the amount is one a counter clerk types.
    const debtor = arrears.items.find((a) => a.overdueFen < 200_000) ?? arrears.items[0]!;
    const paymentsBefore = (
      (await (
        await fetch(`${server.url}/api/payments?customerId=${debtor.customerId}`, { headers: { cookie } })
      ).json()) as { total: number }
    ).total;

    const page = await signedIn('gas_agent');
    await page.getByTestId('menu-counter').click();
    await page.getByTestId('page-counter').waitFor();
    await field(page, 'counter-search').fill(debtor.accountNo);
    await page.getByTestId('counter-hit').first().waitFor();
    await page.getByTestId('counter-hit').first().click();
    await page.getByTestId('counter-customer').waitFor();
    expect(await page.getByTestId('counter-customer').textContent()).toBe(debtor.name);
    expect(fen(await page.getByTestId('counter-overdue').textContent())).toBe(debtor.overdueFen);
    const before = fen(await page.getByTestId('counter-balance').textContent());
    expect(before).toBe(debtor.balanceFen);
    await expect.poll(() => page.getByTestId('outstanding').getByText('逾期').count()).toBeGreaterThan(0);
    await shot(page, 'payments-counter');

    // The amount defaults to what is owed; pay the overdue part, double-clicking the button.
    await page.getByTestId('pay-submit').waitFor();
    await field(page, 'pay-amount').fill((debtor.overdueFen / 100).toFixed(2));
    await page.getByTestId('pay-submit').dblclick();
    await page.getByTestId('receipt').waitFor();
    const receiptNo = await page.getByTestId('receipt-no').textContent();
    expect(receiptNo).toMatch(/^SJ\d{6}\d{6}$/);
    expect(await page.getByTestId('receipt-amount').textContent()).toContain('元');
    expect(fen(await page.getByTestId('receipt-balance').textContent())).toBe(before - debtor.overdueFen);
    await shot(page, 'payments-receipt');
    await page.getByRole('button', { name: /关\s*闭/ }).click();

    await expect
      .poll(async () => fen(await page.getByTestId('counter-balance').textContent()))
      .toBe(before - debtor.overdueFen);
    expect(fen(await page.getByTestId('counter-overdue').textContent())).toBe(0);
    const after = (await (
      await fetch(`${server.url}/api/payments?customerId=${debtor.customerId}`, { headers: { cookie } })
    ).json()) as { total: number };
    expect(after.total, 'a double click records one payment').toBe(paymentsBefore + 1);

    // The account statement shows the payment with the running balance.
    await page.getByRole('link', { name: '对账单' }).first().click();
    await page.getByTestId('page-statement').waitFor();
    await expect
      .poll(async () => fen(await page.getByTestId('statement-closing').textContent()))
      .toBe(before - debtor.overdueFen);
    await shot(page, 'payments-statement');
  }, 120_000);
  it('G-6.2.9, G-6.2.11: arrears, the 360 balance, a settled meter dispute and the outbox', async () => {
    const cookie = await apiSession('gas_agent');
    const list = (await (
      await fetch(`${server.url}/api/arrears?sort=overdue&limit=5`, { headers: { cookie } })
    ).json()) as {
      items: { accountNo: string; overdueFen: number }[];
    };
    const debtor = list.items[0]!;
    const page = await signedIn('gas_agent');
    await page.getByTestId('menu-arrears').click();
    await page.getByTestId('page-arrears').waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await shot(page, 'payments-arrears');

    // The agent at the console sees the caller's arrears in the 360 (G-6.2.9).
    await page.getByTestId('menu-console').click();
    await page.getByTestId('page-console').waitFor();
    await page.getByTestId('customer-search').fill(debtor.accountNo);
    await page.getByTestId('search-hit').first().waitFor();
    await page.getByTestId('customer-search').press('Enter');
    await page.getByTestId('account-balance').waitFor();
    expect(await page.getByTestId('arrears-tag').textContent()).toMatch(/逾期 \d+ 天/);
    await shot(page, 'payments-360');

    await page.getByTestId('menu-disputes').click();
    await page.getByTestId('page-disputes').waitFor();
    await page.locator('.ant-table-row').filter({ hasText: '超差' }).first().click();
    await page.getByTestId('dispute-detail').waitFor();
    expect(await page.getByTestId('dispute-explanation').textContent()).toContain('G-6.2.11');
    expect(await page.getByTestId('dispute-compensation').textContent()).toMatch(/^¥\d/);
    await shot(page, 'payments-dispute');

    await page.goto(`${server.url}/outbox`);
    await page.getByTestId('page-outbox').waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await shot(page, 'payments-outbox');
  }, 120_000);

  it('issue 12: WeChat Pay through the demo gateway — the server makes the order, its verified notification pays it once', async () => {
    const cookie = await apiSession('gas_agent');
    const list = (await (
      await fetch(`${server.url}/api/arrears?sort=days&limit=50`, { headers: { cookie } })
    ).json()) as { items: { customerId: string; accountNo: string; overdueFen: number }[] };
    const debtor = list.items.find((a) => a.overdueFen > 0 && a.overdueFen < 200_000) ?? list.items[0]!;
    const count = async () =>
      (
        (await (
          await fetch(`${server.url}/api/payments?customerId=${debtor.customerId}&channel=wechat`, {
            headers: { cookie },
          })
        ).json()) as { total: number }
      ).total;
    const before = await count();

    const page = await signedIn('gas_agent');
    await page.getByTestId('menu-counter').click();
    await page.getByTestId('page-counter').waitFor();
    await field(page, 'counter-search').fill(debtor.accountNo);
    await page.getByTestId('counter-hit').first().waitFor();
    await page.getByTestId('counter-hit').first().click();
    await page.getByTestId('counter-customer').waitFor();
    // antd puts the test id on the radio's hidden input; the person clicks its label.
    await page.locator('label', { has: page.getByTestId('channel-wechat') }).click();
    await field(page, 'pay-amount').fill('12.34');
    await page.getByTestId('pay-submit').click();
    await page.getByTestId('gateway-qr').waitFor();
    expect(await page.getByTestId('gateway-qr').textContent()).toMatch(
      /^ranre-demo-pay:\/\/wechat\/RR[0-9A-F]{30}/,
    );
    expect(await page.getByTestId('gateway-status').textContent()).toContain('订单有效至');
    await shot(page, 'payments-wechat-order');
    await page.getByTestId('gateway-simulate').click();
    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('receipt-no').textContent()).toMatch(/^SJ\d{12}$/);
    await shot(page, 'payments-wechat-receipt');
    expect(await count()).toBe(before + 1);
  }, 120_000);
});
