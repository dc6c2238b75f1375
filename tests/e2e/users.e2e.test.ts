// Browser test of the login ↔ staff record link (G-5.6.1): the demo logins show the staff record they belong to, and
// the admin links a new login to its record on the users page; from then its certificates decide its dispatch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, signInPage } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;

describe.skipIf(!process.env.RANRE_E2E)('users and their staff records (browser)', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('G-5.6.1 a login is linked to its staff record on the users page, and the link is what the API reports', async () => {
    const page = await signInPage(browser, server.url, 'gas_admin');
    await page.goto(`${server.url}/users`);
    await page.getByTestId('page-users').waitFor();
    // The demo technician belongs to his own record.
    const techRow = page.locator('tr', { hasText: 'gas_tech' }).first();
    await techRow.getByText('王海涛（').waitFor();

    // A new login, then its record chosen from the registry.
    const created = await page.evaluate(async () => {
      const res = await fetch('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: 'e2e_tech',
          displayName: '新维修工',
          role: 'technician',
          password: 'Ranre@2026',
        }),
      });
      return (await res.json()) as { id: string };
    });
    await page.reload();
    await page.getByTestId('page-users').waitFor();
    // A record of the registry that no login holds yet.
    const free = await page.evaluate(async () => {
      const staff = (await (await fetch('/api/staff')).json()) as {
        items: { id: string; name: string; badgeNo: string; active: boolean }[];
      };
      const users = (await (await fetch('/api/users')).json()) as { items: { staffId: string | null }[] };
      const held = new Set(users.items.map((u) => u.staffId));
      return staff.items.find((s) => s.active && !held.has(s.id))!;
    });
    await page.getByTestId(`user-staff-${created.id}`).click();
    await page.keyboard.type(free.badgeNo);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: free.badgeNo })
      .click();
    await page.getByText('已更新账号关联的员工档案').waitFor();
    const listed = await page.evaluate(
      async () =>
        (await (await fetch('/api/users')).json()) as {
          items: { username: string; staffId: string | null; badgeNo: string | null }[];
        },
    );
    const mine = listed.items.find((u) => u.username === 'e2e_tech')!;
    expect(mine).toMatchObject({ staffId: free.id, badgeNo: free.badgeNo });
    await page.screenshot({ path: '/tmp/users-staff-link.png' });
    await page.context().close();
  });
});
