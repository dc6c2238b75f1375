import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprises } from '../../../db/schema.ts';
import { buildTestApp, createUser, seedTestWorld, type TestApp } from '../../../testing/harness.ts';
import { addAccount, addSchedules, completeEnterprise } from '../billing-runs/billing.fixtures.ts';

let t: TestApp;
let gasId: string;
let clerk: string;
let agent: string;
let regulator: string;
const readings = [
  { readOn: '2026-10-31', register: 2_000_000 },
  { readOn: '2026-11-30', register: 2_030_000 },
];

beforeAll(async () => {
  t = await buildTestApp();
  const world = await seedTestWorld(t.database);
  gasId = world.gas.id;
  await createUser(t.database, gasId, 'gas_billing', 'billing_clerk');
  await addSchedules(t.database, gasId);
  t.setNow(new Date('2026-12-01T02:00:00Z'));
  clerk = await t.login('gas_billing');
  agent = await t.login('gas_agent');
  regulator = await t.login('reg');
}, 120_000);
afterAll(async () => t?.close());

const api = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function waitDone(id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await api(clerk, 'GET', `/api/billing-runs/${id}`);
    if (['done', 'failed'].includes(res.json().status)) return res.json();
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('run did not finish');
}

describe('bills and payment notices', () => {
  it('G-6.2.7: a run is refused, listing the fields, while notices would lack where, when and how to pay', async () => {
    const res = await api(clerk, 'POST', '/api/billing-runs', { period: '2026-11' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('BILLING_NOTICE_INCOMPLETE');
    expect(res.json().details.fields).toEqual(['payWhere', 'payWhen', 'payHow']);
    await t.database.db.update(enterprises).set({ supervisionPhone: ' ' }).where(eq(enterprises.id, gasId));
    const again = await api(clerk, 'POST', '/api/billing-runs', { period: '2026-11' });
    expect(again.json().details.fields).toContain('supervisionPhone');
    await t.database.db
      .update(enterprises)
      .set({ supervisionPhone: '12345' })
      .where(eq(enterprises.id, gasId));
    await completeEnterprise(t.database, gasId);
  });

  it('G-6.2.7: one account without an address gets no bill and no notice: 422 naming the address', async () => {
    const { customer } = await addAccount(t.database, gasId, { readings, address: ' ' });
    const res = await api(clerk, 'POST', '/api/bills', { customerId: customer.id, period: '2026-11' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'BILLING_NOTICE_INCOMPLETE', details: { fields: ['address'] } });
    const list = await api(clerk, 'GET', `/api/bills?customerId=${customer.id}`);
    expect(list.json().total).toBe(0);
  });

  it('G-6.2.3: a clerk starts a run as a job, follows its progress to done and reads the summary', async () => {
    const { customer } = await addAccount(t.database, gasId, { readings });
    await addAccount(t.database, gasId, { noMeter: true });
    expect((await api(agent, 'POST', '/api/billing-runs', { period: '2026-11' })).statusCode).toBe(403);
    const bad = await api(clerk, 'POST', '/api/billing-runs', { period: '2026-11', extra: 1 });
    expect(bad.statusCode).toBe(400);
    const started = await api(clerk, 'POST', '/api/billing-runs', { period: '2026-11' });
    expect(started.statusCode).toBe(202);
    const run = await waitDone(started.json().id);
    expect(run).toMatchObject({ status: 'done', billed: 1 });
    expect(run.reasons).toMatchObject({ no_meter: 1, notice_incomplete: 1 });
    expect(run.reasonLabels.no_meter.zh).toBeTruthy();
    const list = await api(agent, 'GET', `/api/bills?runId=${run.id}`);
    expect(list.json().items.map((b: { customerId: string }) => b.customerId)).toEqual([customer.id]);
    expect((await api(regulator, 'GET', `/api/billing-runs?enterpriseId=${gasId}`)).json().items.length).toBe(
      1,
    );
  });

  it('G-6.2.7: the bill shows its lines and the notice every field; the PDF renders the Chinese text', async () => {
    const list = await api(clerk, 'GET', '/api/bills?period=2026-11');
    const id = list.json().items[0].id;
    const detail = (await api(agent, 'GET', `/api/bills/${id}`)).json();
    expect(detail.lines).toHaveLength(2);
    for (const f of [
      'company',
      'accountNumber',
      'accountName',
      'address',
      'startReading',
      'endReading',
      'volume',
      'prices',
      'amountDueFen',
      'payWhere',
      'payWhen',
      'payDeadline',
      'payHow',
      'queryPhone',
      'complaintPhone',
      'supervisionPhone',
    ]) {
      expect(detail.notice.fields[f], f).not.toBeUndefined();
    }
    expect(detail.notice.fields.dueExplanation.zh).toContain('G-6.2.6');
    const pdf = await api(agent, 'GET', `/api/bills/${id}/notice.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ranre-notice-'));
    const file = path.join(dir, 'notice.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const fonts = execFileSync('pdffonts', [file]).toString();
    expect(fonts).toMatch(/NotoSansHans-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('燃气费缴费通知单');
    expect(text).toContain(detail.notice.fields.accountName);
    expect(text).toContain('监督电话');
    expect(text).toContain('¥94.50');
    // The customer's copy names the last day to pay, not the staff's reckoning of it.
    expect(text).toContain(`${detail.notice.fields.payDeadline} 24:00 前`);
    expect(text).not.toContain('起算');
    expect(text).not.toContain('顺延');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
    expect(fs.readdirSync(dir).some((f) => f.endsWith('.png'))).toBe(true);
    fs.copyFileSync(file, path.join(os.tmpdir(), 'ranre-last-notice.pdf'));
  });

  it('G-6.2.5: a correction is a new document naming the bill; the bill itself is never edited', async () => {
    const id = (await api(clerk, 'GET', '/api/bills?period=2026-11')).json().items[0].id;
    const before = (await api(clerk, 'GET', `/api/bills/${id}`)).json();
    expect(
      (await api(agent, 'POST', `/api/bills/${id}/corrections`, { reason: '抄错', endRegister: 2_020_000 }))
        .statusCode,
    ).toBe(403);
    const res = await api(clerk, 'POST', `/api/bills/${id}/corrections`, {
      reason: '抄表员抄错一位',
      endRegister: 2_020_000,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'correction', correctsBillId: id, volume: -10_000 });
    const after = (await api(clerk, 'GET', `/api/bills/${id}`)).json();
    expect(after.amountFen).toBe(before.amountFen);
    expect(after.corrections).toHaveLength(1);
    expect(after.netAmountFen).toBe(before.amountFen + res.json().amountFen);
    const again = await api(clerk, 'POST', `/api/bills/${id}/corrections`, {
      reason: '再次',
      endRegister: 2_020_000,
    });
    expect(again.statusCode).toBe(422);
    const other = await t.login('heat_admin');
    expect((await api(other, 'GET', `/api/bills/${id}`)).statusCode).toBe(404);
  });

  it('the regulator sees bills with the household masked, cannot find one by name, and sees it for a named case, audited', async () => {
    const own = (await api(clerk, 'GET', '/api/bills?period=2026-11')).json().items[0];
    const name: string = own.customerName;
    const list = (await api(regulator, 'GET', '/api/bills?period=2026-11')).json();
    const seen = list.items.find((b: { id: string }) => b.id === own.id);
    expect(seen.customerName).not.toBe(name);
    expect(seen.customerName).toBe(`${[...name][0]}${'*'.repeat(Math.min([...name].length - 1, 3))}`);
    expect(seen.amountFen).toBe(own.amountFen); // the figures stay whole
    expect((await api(regulator, 'GET', `/api/bills?q=${encodeURIComponent(name)}`)).json().total).toBe(0);
    expect(
      (await api(clerk, 'GET', `/api/bills?q=${encodeURIComponent(name)}`)).json().total,
    ).toBeGreaterThan(0);

    const detail = (await api(regulator, 'GET', `/api/bills/${own.id}`)).json();
    expect(detail.identityMasked).toBe(true);
    const full = (await api(clerk, 'GET', `/api/bills/${own.id}`)).json();
    expect(full.identityMasked).toBe(false);
    expect(detail.notice.fields.accountName).not.toBe(full.notice.fields.accountName);
    expect(detail.notice.fields.address).toMatch(/\*{4}$/);

    expect((await api(regulator, 'POST', `/api/bills/${own.id}/reveal`, { reason: '' })).statusCode).toBe(
      400,
    );
    expect(
      (await api(clerk, 'POST', `/api/bills/${own.id}/reveal`, { reason: '案件 2026-17' })).statusCode,
    ).toBe(403);
    const shown = await api(regulator, 'POST', `/api/bills/${own.id}/reveal`, { reason: '投诉案件 2026-17' });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({
      customerName: name,
      accountName: full.notice.fields.accountName,
      address: full.notice.fields.address,
    });
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/audit?entity=bill',
      headers: { cookie: regulator },
    });
    const entry = audit
      .json()
      .items.find((a: { action: string; entityId: string }) => a.action === 'bill.reveal');
    expect(entry).toMatchObject({ entityId: own.id });
    expect(JSON.stringify(entry)).toContain('投诉案件 2026-17');
  });
});
