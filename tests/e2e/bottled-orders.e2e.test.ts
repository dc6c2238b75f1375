// Browser test of the resident ordering bottled gas on his phone (issue 18, G-7.2.1, G-7.1.13), at 390 × 844:
// the bottled-gas company's published price list is on its public page without a session; the demo resident binds a
// bottled-gas account, chooses a cylinder model and quantity on the list in force, sees the total with the delivery
// fee and proposes a time; the order is on the company's delivery board priced on that list, and once the courier has
// delivered it the resident sees the receipt on his booking.
import { describe, expect, it } from 'vitest';
import { apiLogin, screenshot } from './browser.ts';
import { e2eFile } from './setup.ts';

const PHONE = { width: 390, height: 844 };
const PNG_1PX =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe.skipIf(!process.env.RANRE_E2E)('a resident orders bottled gas on the phone', () => {
  const f = e2eFile();

  async function api(cookie: string, method: string, path: string, body?: unknown) {
    const res = await fetch(`${f.server.url}/api${path}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json()) as Record<string, unknown>;
    expect(res.status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
    return json as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  it('G-7.1.13 G-7.2.1 the public page shows the price list in force and the next one, without a session', async () => {
    const { items } = (await (await fetch(`${f.server.url}/api/public/enterprises`)).json()) as {
      items: { id: string; kind: string }[];
    };
    // The demo bottled-gas company whose price list is published (the demo has more than one bottled-gas company).
    let lpg: { id: string } | undefined;
    for (const e of items.filter((x) => x.kind === 'bottled_gas')) {
      const info = (await (await fetch(`${f.server.url}/api/public/enterprises/${e.id}`)).json()) as {
        cylinderPrices: unknown[];
      };
      if (info.cylinderPrices.length > 0) lpg = e;
    }
    expect(lpg).toBeDefined();
    const context = await f.browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true });
    const page = await context.newPage();
    await page.goto(`${f.server.url}/info/${lpg!.id}`);
    const card = page.getByTestId('public-cylinder-prices');
    await card.waitFor();
    expect(await card.getByTestId('public-cylinder-list-in_force').textContent()).toContain('YSP35.5');
    expect(await card.getByTestId('public-cylinder-list-scheduled').textContent()).toContain('待生效');
    await screenshot(page, 'bottled-public-prices', true, 400);
    await context.close();
  });

  it('G-7.2.1 the resident chooses a model and quantity on the list in force; the order lands on the delivery board and shows its receipt once delivered', async () => {
    const admin = await apiLogin(f.server.url, 'lpg_admin');
    const found = await api(admin, 'GET', '/customers?kind=bottled_gas&limit=5');
    const customer = (found.items as { accountNo: string; name: string; phone: string }[]).find(
      (c) => !c.name.includes('*'),
    )!;
    const lpgName = ((await api(admin, 'GET', '/auth/me')).user as { enterpriseName: string }).enterpriseName;

    const page = await f.signedIn('resident', PHONE);
    await page.waitForURL('**/r/accounts');
    await page.getByTestId('bind-card').waitFor();
    await page.getByTestId('bind-enterprise').click();
    await page.locator('.ant-select-item-option').filter({ hasText: lpgName }).first().click();
    const field = (id: string) =>
      page.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).first();
    await field('bind-account').fill(customer.accountNo);
    await field('bind-name').fill(customer.name);
    await field('bind-last4').fill(customer.phone.slice(-4));
    await page.getByTestId('bind-send').click();
    const demo = (await page.getByTestId('bind-demo-code').textContent()) ?? '';
    await field('bind-code').fill(/(\d{6})/.exec(demo)![1]!);
    await page.getByTestId('bind-confirm').click();
    await page.getByTestId(`account-${customer.accountNo}`).waitFor();

    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${f.server.url}/r/book`);
    await page.getByTestId('book-card').waitFor();
    await page.getByTestId('book-account').click();
    await page.locator('.ant-select-item-option').filter({ hasText: customer.accountNo }).click();
    await page.getByTestId('book-kind-bottled_gas_delivery').click();
    await page.getByTestId('book-price-list').waitFor();
    await page.getByTestId('book-model-YSP35.5').click();
    await page
      .locator('input[data-testid="book-quantity"], [data-testid="book-quantity"] input')
      .first()
      .fill('2');
    // ¥110.00 × 2, free delivery on the list in force (demo prices).
    await expect.poll(async () => page.getByTestId('book-total').textContent()).toContain('¥220.00');
    await page.locator('input[data-testid="book-time"]').fill(`${tomorrow}T10:00`);
    await page.getByTestId('book-submit').click();
    await page.getByTestId('book-done').waitFor();
    const booking = page.getByTestId('booking').first();
    await booking.getByTestId('booking-bottled').waitFor();
    expect(await booking.getByTestId('booking-bottled').textContent()).toContain('YSP35.5 × 2');
    await screenshot(page, 'bottled-ordered', true, 400);

    // The company's delivery board has it, priced on the list.
    const dispatcher = await apiLogin(f.server.url, 'lpg_admin');
    const board = (await api(dispatcher, 'GET', '/bottled-orders?limit=5')).items as {
      orderId: string;
      totalFen: number;
      model: string;
    }[];
    expect(board[0]).toMatchObject({ model: 'YSP35.5', totalFen: 22_000 });
    const orderId = board[0]!.orderId;

    // Dispatched to the courier, delivered with a full cylinder and the customer's signature.
    const courier = await apiLogin(f.server.url, 'lpg_courier');
    const courierId = ((await api(courier, 'GET', '/auth/me')).user as { id: string }).id;
    let { version } = await api(dispatcher, 'GET', `/work-orders/${orderId}`);
    await api(dispatcher, 'POST', `/work-orders/${orderId}/events`, {
      version,
      event: { type: 'dispatched', assignee: courierId },
    });
    ({ version } = await api(courier, 'GET', `/work-orders/${orderId}`));
    await api(courier, 'POST', `/work-orders/${orderId}/events`, { version, event: { type: 'accepted' } });
    const full = ((await api(admin, 'GET', '/cylinders?state=full&limit=1')).items as { code: string }[])[0]!;
    const sig = await api(courier, 'POST', `/work-orders/${orderId}/attachments`, {
      kind: 'signature',
      dataUrl: PNG_1PX,
    });
    const d = await api(courier, 'POST', '/cylinder-deliveries', {
      orderId,
      fullCode: full.code,
      amountFen: 22_000,
      installed: true,
      leakChecked: true,
      ignitionTested: true,
      handbookGiven: true,
      signatureAttachmentId: sig.id,
    });
    await page.reload();
    const receipt = page.getByTestId('booking-receipt').first();
    await receipt.waitFor();
    expect(await receipt.textContent()).toContain(String(d.receiptNo));
    expect(await receipt.textContent()).toContain('¥220.00');
    await screenshot(page, 'bottled-receipt', true, 400);
  });

  it('G-7.2.1 the company admin publishes a new price list on the delivery page; it is listed as scheduled and public', async () => {
    const page = await f.signedIn('lpg_admin');
    await page.goto(`${f.server.url}/deliveries`);
    const card = page.getByTestId('price-lists');
    await card.getByTestId('price-list-in_force').first().waitFor();
    // Forty days ahead in Beijing: after the demo's scheduled list, so this one follows it.
    const from = new Date(Date.now() + 8 * 3600_000 + 40 * 86_400_000).toISOString().slice(0, 10);
    const form = card.getByTestId('price-list-form');
    await form.getByTestId('price-model').first().fill('YSP35.5');
    await form.getByTestId('price-yuan').first().fill('118');
    await form.getByTestId('price-fee').fill('6');
    await form.getByTestId('price-from').click();
    await page.keyboard.type(from);
    await page.keyboard.press('Tab');
    await form.getByTestId('price-publish').click();
    const listed = card.getByTestId('price-list-scheduled').filter({ hasText: from });
    await listed.waitFor();
    expect(await listed.textContent()).toContain('¥118.00');
    const cookie = await apiLogin(f.server.url, 'lpg_admin');
    const me = (await (await fetch(`${f.server.url}/api/auth/me`, { headers: { cookie } })).json()) as {
      user: { enterpriseId: string };
    };
    const info = (await (
      await fetch(`${f.server.url}/api/public/enterprises/${me.user.enterpriseId}`)
    ).json()) as {
      cylinderPrices: { effectiveFrom: string; items: { priceFen: number }[] }[];
    };
    expect(info.cylinderPrices.find((l) => l.effectiveFrom === from)?.items[0]?.priceFen).toBe(11800);
    await page.context().close();
  });
});
