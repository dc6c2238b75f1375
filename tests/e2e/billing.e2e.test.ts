// Browser test of a monthly billing run (issue 4, G-6.2.3–G-6.2.7): the billing clerk starts the run for the ended month
// the demo seed left unbilled, watches the progress reach done with its summary, opens a bill of the run with its priced
// lines and payment notice, and downloads the notice as a PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, launchBrowser, screenshot, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;
const signedIn = (username: string) => signInPage(browser, server.url, username);
const shot = (p: Page, name: string) => screenshot(p, name, true, 600);

/** The month the seed leaves for the clerk: the last one that has ended, in Beijing time (the current one cannot be billed). */
function lastEndedMonth(): string {
  const beijing = new Date(Date.now() + 8 * 3600_000);
  return new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

describe.skipIf(!process.env.RANRE_E2E)('billing run: start, progress, bill, notice PDF (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-6.2.3, G-6.2.7: a billing clerk runs the month, sees it done, opens a bill and its notice, downloads the PDF', async () => {
    const page = await signedIn('gas_billing');
    await page.getByTestId('menu-billing').click();
    await page.getByTestId('page-billing').waitFor();
    await page.getByTestId('billing-period').fill(lastEndedMonth());
    await page.getByTestId('billing-start').click();
    const card = page.getByTestId('billing-run');
    await card.waitFor();
    await expect
      .poll(() => card.getAttribute('data-status'), { timeout: 120_000, interval: 500 })
      .toBe('done');
    expect(await page.getByTestId('billing-progress').getAttribute('aria-valuenow')).toBe('100');
    await page.getByTestId('billing-reasons').waitFor();
    await shot(page, 'billing-run');

    await page.getByTestId('billing-run-bills').click();
    await page.getByTestId('page-bills').waitFor();
    const first = page.locator('[data-testid^="bill-link-"]').first();
    await first.waitFor();
    await first.click();
    await page.getByTestId('page-bill').waitFor();
    await page.getByTestId('bill-notice').waitFor();
    const notice = (await page.getByTestId('bill-notice').textContent()) ?? '';
    for (const label of ['户号', '用气地址', '缴费期限', '监督电话', '投诉电话'])
      expect(notice).toContain(label);
    // The notice reads as the customer gets it; the G-6.2.6 reckoning is one click away for staff.
    expect(notice).not.toContain('G-6.2.6');
    await page.getByTestId('due-basis').click();
    await page
      .getByText(/G-6\.2\.6/)
      .first()
      .waitFor();
    expect(await page.getByTestId('bill-lines').locator('tbody tr').count()).toBeGreaterThan(0);
    await shot(page, 'billing-bill');

    const href = await page.getByTestId('bill-pdf').getAttribute('href');
    expect(href).toMatch(/\/api\/bills\/.+\/notice\.pdf$/);
    const pdf = await page.request.get(`${server.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 240_000);

  it('G-6.2.2: a bill of a meter exchanged mid-period shows both meters with their readings', async () => {
    const cookie = await apiLogin(server.url, 'gas_billing');
    const get = async (path: string) => {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
      expect(res.status, path).toBe(200);
      return (await res.json()) as { items: Record<string, unknown>[] };
    };
    const removed = await get('/api/meters?status=removed&limit=20');
    const old = removed.items[0]!;
    const bills = await get(`/api/bills?customerId=${String(old.customerId)}&limit=50`);
    const bill = bills.items.find((b) => String(b.note).includes('换下'));
    expect(bill, 'the demo bills the exchange month').toBeTruthy();
    const page = await signedIn('gas_billing');
    await page.goto(`${server.url}/bills/${String(bill!.id)}`);
    const meters = page.getByTestId('notice-meters');
    await meters.waitFor();
    const text = (await meters.textContent()) ?? '';
    expect(text).toContain(String(old.serialNo));
    expect(text).toContain('换下或拆除');
    await shot(page, 'billing-exchange');
  }, 120_000);
});
