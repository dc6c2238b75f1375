// Browser test of issue 18's main flow: at the filling line on a phone, a cylinder is scanned, filled, weighed and
// leak-tested and passes (G-7.1.6); a scrapped code is refused with its reason; the cylinder's timeline shows the
// fill; and anyone looks the cylinder up without signing in (G-7.1.13).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cspViolations, launchBrowser, screenshot, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;
const PHONE = { width: 390, height: 844 };

describe.skipIf(!process.env.RANRE_E2E)('bottled-gas filling line (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    // The demo seed (with 3,000 cylinders and a season of fills) on a loaded machine: give start-up time.
    server = await startServer(480_000);
    browser = await launchBrowser();
  }, 500_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-7.1.6: a returned cylinder is filled and passes; a scrapped one is refused; the public lookup shows the fill', async () => {
    const page = await signInPage(browser, server.url, 'lpg_admin', PHONE);
    const codes = await page.evaluate(async () => {
      const first = async (state: string) =>
        (
          (await fetch(`/api/cylinders?state=${state}&limit=1`).then((r) => r.json())) as {
            items: { code: string }[];
          }
        ).items[0]!.code;
      return { returned: await first('returned'), scrapped: await first('scrapped') };
    });
    await page.goto(`${server.url}/filling`);
    await page.getByTestId('filling-line').waitFor();

    await page.getByTestId('fl-code').fill(codes.scrapped);
    await page.getByTestId('fl-check').click();
    const refused = page.getByTestId('fl-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('报废');
    await refused.getByRole('button').click();

    await page.getByTestId('fl-code').fill(codes.returned);
    await page.getByTestId('fl-check').click();
    await page.getByTestId('fl-allowed').waitFor();
    await page.getByTestId('fl-weight').fill('14.6');
    await page.getByTestId('fl-label').fill('HG-E2E-1');
    await page.getByTestId('fl-record').click();
    const result = page.getByTestId('fl-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('合格');
    await screenshot(page, 'cylinders-filling-line-phone');
    // The refusal is kept and listed on the line.
    await page.getByTestId('fl-refusals').getByText(codes.scrapped).first().waitFor();

    await page.goto(`${server.url}/cylinders/${codes.returned}`);
    await page.getByTestId('cy-timeline').waitFor();
    const timeline = (await page.getByTestId('cy-timeline').textContent()) ?? '';
    expect(timeline).toContain('充装后检查');
    expect(timeline).toContain('14.60 kg');
    await page.context().close();

    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const anon = await context.newPage();
    await anon.goto(`${server.url}/cylinder-lookup?code=${codes.returned}`);
    const verdict = anon.getByTestId('pc-verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain('可以使用');
    const body = (await anon.getByTestId('cylinder-lookup').textContent()) ?? '';
    expect(body).toContain('淄博示范液化气有限公司');
    expect(body).toContain('14.60 kg');
    expect(body).toContain('3%');
    await context.close();
    expect(cspViolations).toEqual([]);
  });
});
