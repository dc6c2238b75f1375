// Browser test of issue 20: one incident-to-claim flow. The gas company's admin records an incident, opens a claim
// on it — refused first by an H-9.6 exclusion with the reason shown, then accepted with a written reason — records
// the insurer's call, the loss counted with the customer, the assessed amount told, the agreed compensation (its
// 30-working-day payment due shown, H-9.5) and the payment; a photo of the loss is uploaded and kept with the claim
// (H-9.3); the regulator sees the claim with its company. On a phone, a drill is recorded with a photo taken by the
// camera (G-5.12.4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Opens an Ant Design select and clicks the option with this text. */
async function pick(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: text,
    })
    .first()
    .click();
  await page.waitForFunction(
    () => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'),
  );
}

/** Records one claim step and waits until the timeline shows it. */
async function step(page: Page, label: string, fill: () => Promise<void>) {
  const timeline = page.getByTestId('claim-timeline');
  const before = await timeline.locator('.ant-timeline-item').count();
  await pick(page, 'claim-step-type', label);
  await fill();
  await page.getByTestId('claim-step-save').click();
  await timeline.locator('.ant-timeline-item').nth(before).waitFor();
  expect(await timeline.innerText()).toContain(label);
}

describe.skipIf(!process.env.RANRE_E2E)('an incident to a paid claim (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    // The machine is shared: the server and its demo seed may take minutes to come up.
    server = await startServer(540_000);
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-5.12.7 H-9.6 H-9.5: incident recorded → claim opened with the exclusions checked → counted → assessed → agreed → paid in 30 working days', async () => {
    const page = await signInPage(browser, server.url, 'gas_admin');
    await page.goto(`${server.url}/emergency`);
    await page.getByRole('tab', { name: '突发事件' }).click();
    await page.getByTestId('incident-title').fill('杏园小区庭院管被挖断');
    await page.getByTestId('incident-area').fill('张店区杏园小区');
    await page.getByTestId('incident-affected').fill('40');
    await page.getByTestId('incident-save').click();
    await page.getByTestId('incident-timeline').waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: '保险理赔' }).click();
    await pick(page, 'claim-policy', 'PICC');
    await pick(page, 'claim-incident', '杏园小区庭院管被挖断');
    await page.getByTestId('claim-claimant').fill('杏园小区3号楼王先生');
    await page.getByTestId('claim-description').fill('停气期间自行改接软管漏气，厨房橱柜受损');
    await page.getByTestId('claim-facts').getByText('用户擅自改装造成的损失').click();
    await page.getByTestId('claim-save').click();
    const excluded = page.getByTestId('claim-excluded');
    await excluded.waitFor();
    expect(await excluded.innerText()).toContain('H-9.6');
    await page.getByTestId('claim-override').fill('改接系抢修人员临时指导所为，公司承担责任');
    await page.getByTestId('claim-save').click();

    const drawer = page.locator('.ant-drawer-open .ant-drawer-content');
    await page.getByTestId('claim-timeline').getByText('受理').waitFor();
    expect(await drawer.innerText()).toContain('改接系抢修人员临时指导所为');
    await step(page, '通知保险公司', async () => {
      expect(await page.getByTestId('claim-step-text').inputValue()).toContain('中国人民财产保险');
    });
    // G-11.2, H-9.3: a photo of the loss from the camera is stored with the claim, shown from the server, and the
    // count records it; afterwards no more can be added.
    await page
      .getByTestId('claim-media-input')
      .setInputFiles({ name: 'loss.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('claim-media-files').locator('img').first().waitFor();
    await expect
      .poll(() =>
        page
          .getByTestId('claim-media-files')
          .locator('img')
          .first()
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      )
      .toBe(true);
    await step(page, '会同用户清点损失', async () => {
      expect(await page.getByTestId('claim-step-media').innerText()).toContain('1 张照片');
    });
    // The loss's photos are sealed once counted; only an injury's photos and receipts may still come (H-9.4).
    await page.getByText('伤情照片与医疗票据仍可补充').waitFor();
    expect(await page.getByTestId('claim-media-purpose').count()).toBe(0);
    await step(page, '告知定损金额', () => page.getByTestId('claim-step-amount').fill('3200'));
    expect(await page.getByTestId('claim-due').innerText()).toBe('—');
    await step(page, '商定赔偿', () => page.getByTestId('claim-step-amount').fill('3000'));
    // H-9.5: once agreed, the payment is due within 30 working days, shown on the claim.
    const due = await page.getByTestId('claim-due').innerText();
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}/);
    await step(page, '支付赔偿', async () => {
      expect(await page.getByTestId('claim-step-amount').inputValue()).toBe('3000.00');
    });
    await drawer.getByText('已支付').waitFor();
    expect(await page.getByTestId('claim-step-save').count()).toBe(0);
    await screenshot(page, 'insurance-claim-paid', false);
    await page.context().close();

    const reg = await signInPage(browser, server.url, 'regulator');
    await reg.goto(`${server.url}/emergency`);
    await reg.getByRole('tab', { name: '保险理赔' }).click();
    // PIPL: the regulator reads the claim without the claimant's name (the first character only).
    const row = reg.getByTestId('claims').locator('tr', { hasText: '停气期间自行改接软管漏气' });
    await row.waitFor();
    expect(await row.innerText()).not.toContain('杏园小区3号楼王先生');
    expect(await row.innerText()).toContain('杏***');
    // The company's name comes with the enterprises' list, which may answer after the claims.
    await expect.poll(() => row.innerText()).toContain('淄博示范燃气有限公司');
    expect(await row.innerText()).toContain('已支付');
    await reg.context().close();
  }, 400_000);

  it('G-5.12.4: on a phone, a drill is recorded with a photo from the camera', async () => {
    const phone = await signInPage(browser, server.url, 'gas_admin', { width: 390, height: 844 });
    // On a phone the later tabs sit behind the tab bar's “more” menu; the tab is in the address, so the drill form
    // is one link away.
    await phone.goto(`${server.url}/emergency?tab=exercises`);
    await phone.getByTestId('exercise-place').waitFor();
    expect(await phone.locator('.ant-tabs-tab-active').innerText()).toContain('演练与宣传');
    // Today in Beijing (the server's day): a drill is never dated after today. Typed, then left with Tab — Enter
    // would also submit the form.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await phone.getByTestId('exercise-held-on').click();
    await phone.keyboard.type(today);
    await phone.keyboard.press('Tab');
    expect(await phone.getByTestId('exercise-held-on').inputValue()).toBe(today);
    await phone.getByTestId('exercise-place').fill('张店区杏园小区广场');
    await phone.getByTestId('exercise-participants').fill('35');
    await phone
      .getByTestId('exercise-photo-input')
      .setInputFiles({ name: 'drill.png', mimeType: 'image/png', buffer: PNG });
    await phone.getByTestId('exercise-photos').locator('img').first().waitFor();
    await screenshot(phone, 'exercise-phone', false);
    await phone.getByTestId('exercise-save').click();
    await phone.getByText('张店区杏园小区广场').waitFor();
    const row = phone.locator('tr', { hasText: '张店区杏园小区广场' });
    await expect.poll(() => row.locator('img').count()).toBe(1);
    await phone.context().close();
  }, 200_000);
});
