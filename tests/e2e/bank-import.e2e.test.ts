// Browser test of the bank collection file import (G-6.2.8, payment through the bank): the billing clerk uploads the
// bank's CSV, sees the bad line flagged before anything is sent, imports, gets a receipt per payment and the
// server's reason for an unknown account, imports the same file again without charging twice, and keeps the
// result as CSV. The customer's statement shows each payment once.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, launchBrowser, screenshot, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;
const shot = (p: Page, name: string) => screenshot(p, name, true, 600);

/** Yesterday in Beijing: money the bank collected, never in the future. */
const yesterday = () => new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);

interface Debtor {
  customerId: string;
  accountNo: string;
  sector: string;
}

async function getJson<T>(cookie: string, path: string): Promise<T> {
  const res = await fetch(`${server.url}/api${path}`, { headers: { cookie } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

const closingBalance = async (cookie: string, d: Debtor) =>
  (
    await getJson<{ closingBalanceFen: number }>(
      cookie,
      `/customers/${d.customerId}/statement?sector=${d.sector}`,
    )
  ).closingBalanceFen;

/** Status, receipt and reason cells of a file line's row. */
const row = (page: Page, line: number) => {
  const r = page.getByTestId(`bank-line-${line}`);
  return {
    status: () => r.getByTestId('bank-status').textContent(),
    receipt: () => r.getByTestId('bank-receipt').textContent(),
    reason: () => r.getByTestId('bank-reason').textContent(),
  };
};

describe.skipIf(!process.env.RANRE_E2E)('bank collection file import (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-6.2.8: a billing clerk imports a bank file — bad lines flagged, receipts issued, a re-import only finds duplicates', async () => {
    const cookie = await apiLogin(server.url, 'gas_billing');
    const arrears = await getJson<{ items: Debtor[] }>(cookie, '/arrears?sort=account&limit=20');
    // Two different accounts (one account may owe in two sectors, one row each).
    const a = arrears.items[0]!;
    const b = arrears.items.find((d) => d.accountNo !== a.accountNo);
    if (!b) throw new Error('the demo seed leaves fewer than two accounts in arrears');
    const balanceBefore = await closingBalance(cookie, a);
    const paidOn = yesterday();
    const ref = (n: number) => `E2E-BANK-${paidOn.replace(/-/g, '')}-${n}`;
    const csv = [
      '户号,金额,银行流水号,缴费日期',
      `${a.accountNo},12.34,${ref(1)},${paidOn}`,
      `${b.accountNo},56.78,${ref(2)},${paidOn.replace(/-/g, '/')}`,
      `NO-SUCH-ACCT,10.00,${ref(3)},${paidOn}`,
      `${b.accountNo},12.345,${ref(4)},${paidOn}`,
    ].join('\r\n');
    const upload = (p: Page) =>
      p
        .getByTestId('page-bank-import')
        .locator('input[type=file]')
        .setInputFiles({
          name: '代收明细.csv',
          mimeType: 'text/csv',
          buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]),
        });

    const page = await signInPage(browser, server.url, 'gas_billing', { width: 1440, height: 960 });
    await page.getByTestId('menu-bankImport').click();
    await page.getByTestId('page-bank-import').waitFor();
    await upload(page);

    // The preview: four lines, the one with three decimals flagged and left out of the import.
    await page.getByTestId('bank-lines').waitFor();
    expect(await page.getByTestId('bank-lines-count').textContent()).toBe('4');
    expect(await page.getByTestId('bank-valid').textContent()).toBe('3');
    expect(await page.getByTestId('bank-invalid').textContent()).toBe('1');
    expect(await page.getByTestId('bank-valid-amount').textContent()).toBe('¥79.12');
    expect(await row(page, 5).status()).toBe('有误，不导入');
    expect(await row(page, 5).reason()).toContain('金额最多两位小数');
    expect(await page.getByTestId('bank-invalid-list').textContent()).toContain('第 5 行');
    expect(await row(page, 3).status()).toBe('待导入');
    await shot(page, 'bank-import-preview');

    // The network drops the first request: the error is shown and every line stays for the retry.
    await page.route('**/api/payments/bank-import', (r) => r.abort('internetdisconnected'), { times: 1 });
    await page.getByTestId('bank-import-run').click();
    await page.getByTestId('bank-failure').waitFor();
    expect(await page.getByTestId('bank-failure').textContent()).toContain('网络错误');
    expect(await page.getByTestId('bank-import-run').textContent()).toContain('继续导入剩余 3 笔');
    expect(await row(page, 2).status()).toBe('待导入');
    await shot(page, 'bank-import-failed');

    await page.getByTestId('bank-import-run').click();
    await page.getByTestId('bank-done').waitFor();
    expect(await page.getByTestId('bank-recorded').textContent()).toBe('2');
    expect(await page.getByTestId('bank-duplicates').textContent()).toBe('0');
    expect(await page.getByTestId('bank-errors').textContent()).toBe('1');
    expect(await page.getByTestId('bank-recorded-amount').textContent()).toBe('¥69.12');
    const receipts = [await row(page, 2).receipt(), await row(page, 3).receipt()];
    for (const r of receipts) expect(r).toMatch(/^SJ\d{12}$/);
    expect(await row(page, 2).status()).toBe('已入账');
    expect(await row(page, 4).status()).toBe('失败');
    expect(await row(page, 4).reason()).toBe('户号 NO-SUCH-ACCT 不存在');
    await shot(page, 'bank-import');

    // The result file the clerk keeps: every line, with its receipt number.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('bank-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('代收明细-result.csv');
    const saved = fs.readFileSync((await download.path())!, 'utf8');
    expect(saved).toContain(`2,${a.accountNo},12.34,${ref(1)},${paidOn},已入账,${receipts[0]},`);
    expect(saved).toContain('户号 NO-SUCH-ACCT 不存在');

    // The same file again: nothing new is booked, the receipts are those of the first import.
    await upload(page);
    await expect.poll(() => row(page, 2).status()).toBe('待导入');
    await page.getByTestId('bank-import-run').click();
    await page.getByTestId('bank-done').waitFor();
    expect(await page.getByTestId('bank-recorded').textContent()).toBe('0');
    expect(await page.getByTestId('bank-duplicates').textContent()).toBe('2');
    expect(await page.getByTestId('bank-errors').textContent()).toBe('1');
    expect(await row(page, 2).status()).toBe('此前已导入');
    expect([await row(page, 2).receipt(), await row(page, 3).receipt()]).toEqual(receipts);

    // The customer's account: one bank payment with the reference, booked once on the statement.
    const pays = await getJson<{
      items: { id: string; externalRef: string | null; channel: string; amountFen: number }[];
    }>(cookie, `/payments?customerId=${a.customerId}&limit=100`);
    const mine = pays.items.filter((p) => p.externalRef === ref(1));
    expect(mine).toMatchObject([{ channel: 'bank', amountFen: 1234 }]);
    const statement = await getJson<{
      entries: { kind: string; refId: string }[];
      closingBalanceFen: number;
    }>(cookie, `/customers/${a.customerId}/statement?sector=${a.sector}`);
    expect(statement.entries.filter((e) => e.kind === 'payment' && e.refId === mine[0]!.id)).toHaveLength(1);
    expect(statement.closingBalanceFen).toBe(balanceBefore - 1234);

    // English through the language switch: the same lines, the server's reason in English.
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('menu-bankImport').textContent()).toBe('Bank file import');
    expect(await row(page, 2).status()).toBe('Imported before');
    expect(await row(page, 4).reason()).toBe('No account NO-SUCH-ACCT');
    expect(await row(page, 5).reason()).toBe('At most two decimals: 12.345');
    await shot(page, 'bank-import-en');
  }, 120_000);
});
