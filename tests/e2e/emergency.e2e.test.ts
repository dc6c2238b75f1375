// Browser test of issue 20: the gas company's admin sees tomorrow night's gap in the rush-repair roster and its alert
// (G-5.12.3), records a large outage that is reported to the regulator at once (G-5.12.7) and appends to its
// timeline; the regulator then sees the incident across enterprises.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;

describe.skipIf(!process.env.RANRE_E2E)('emergency duty and incidents (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-5.12.3 G-5.12.7: a roster gap is shown and alerted; an incident is recorded, reported and followed', async () => {
    const page = await signInPage(browser, server.url, 'gas_admin');
    await page.getByTestId('menu-emergency').click();
    const gaps = page.getByTestId('duty-gaps');
    await gaps.getByText('班次无人').first().waitFor();
    expect(await gaps.innerText()).toContain('抢修队');

    await page.getByRole('tab', { name: '应急预警' }).click();
    const alerts = page.getByTestId('readiness-alerts');
    await alerts.getByText('值班缺口').first().waitFor();
    expect(await alerts.innerText()).toContain('G-5.12.3');

    await page.getByRole('tab', { name: '突发事件' }).click();
    await page.getByTestId('incident-title').fill('华光路中压管线被挖断');
    await page.getByTestId('incident-area').fill('张店区华光路');
    await page.getByTestId('incident-affected').fill('1500');
    await page.getByTestId('incident-save').click();
    const timeline = page.getByTestId('incident-timeline');
    await timeline.getByText('报告主管部门').waitFor();
    await page.getByTestId('incident-event-text').fill('抢修队已到场，关闭上游阀门');
    await page.getByTestId('incident-event-save').click();
    await timeline.getByText('抢修队已到场，关闭上游阀门').waitFor();
    // G-5.12.8 the level set by hand with its reason; H-6.4.5.3 the repair done first, its filing owed afterwards.
    const pickStep = async (label: string) => {
      await page.getByTestId('incident-event-type').click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
          hasText: label,
        })
        .click();
    };
    await pickStep('调整级别');
    await page.getByTestId('incident-event-level').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: 'Ⅰ级',
      })
      .click();
    await page.getByTestId('incident-event-text').fill('影响医院供气，提级处置');
    await page.getByTestId('incident-event-save').click();
    await timeline.getByText('影响医院供气，提级处置').waitFor();
    await pickStep('先行抢修');
    await page.getByTestId('incident-event-text').fill('先行关阀抢修，事后备案');
    await page.getByTestId('incident-event-save').click();
    await timeline.getByText('先行关阀抢修，事后备案').waitFor();
    await page.getByText(/事后备案、告知新闻媒体/).waitFor();
    await page.context().close();

    const reg = await signInPage(browser, server.url, 'regulator');
    await reg.goto(`${server.url}/emergency`);
    await reg.getByRole('tab', { name: '突发事件' }).click();
    await reg.getByTestId('incidents').getByText('华光路中压管线被挖断').waitFor();
    await reg.context().close();
  });
});
