import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificates, staff } from '../../../db/schema.ts';
import { createEnterprise, createUser, linkUserToStaff } from '../../../testing/harness.ts';
import { orderWorld, PNG_1PX, type OrderWorld } from '../../service/workorders/testing.ts';

// G-9.2.6–G-9.2.8 through the API: consent before work, the quality certificate, the warranty and its free redo.

let w: OrderWorld;
const ADDRESS = '张店区华光路 88 号 3 单元 502';

beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-11-26 09:00');
  const appl = await createEnterprise(w.t.database, 'appliance', '测试燃气具公司');
  const people = [
    ['appl_agent', 'agent', null],
    ['appl_dispatcher', 'dispatcher', null],
    ['appl_tech', 'technician', '2028-06-30'],
    ['appl_tester', 'technician', '2027-03-31'],
    ['appl_lapsed', 'technician', '2026-10-31'],
  ] as const;
  for (const [username, role, expires] of people) {
    w.ids[username] = (await createUser(w.t.database, appl.id, username, role)).id;
    if (!expires) continue;
    const [s] = await w.t.database.db
      .insert(staff)
      .values({
        enterpriseId: appl.id,
        name: username,
        badgeNo: username,
        employeeNo: username,
        post: '安装工',
      })
      .returning();
    await linkUserToStaff(w.t.database, username, s!.id);
    await w.t.database.db.insert(certificates).values({
      staffId: s!.id,
      enterpriseId: appl.id,
      name: '燃气燃烧器具安装维修人员培训合格证',
      number: `RJ-${username}`,
      issuer: '山东省燃气热力协会',
      issuedOn: '2024-01-01',
      expiresOn: expires,
    });
  }
});
afterAll(() => w.close());

const lines = [
  { kind: 'part', name: '燃气灶（嵌入式）安装配件', quantity: 1, unitFen: 3500 },
  { kind: 'material', name: '不锈钢波纹管', quantity: 1.5, unitFen: 2000 },
  { kind: 'labour', name: '安装人工', quantity: 1, unitFen: 8000 },
];

async function order(itemCode: string) {
  const o = await w.create('appl_agent', {
    itemCode,
    channel: 'phone',
    callerName: '周桂兰',
    callerPhone: '13905330088',
    address: ADDRESS,
    description: '新购燃气灶安装',
  });
  await w.act('appl_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.appl_tech });
  await w.act('appl_tech', o.id, { type: 'accepted' });
  await w.act('appl_tech', o.id, { type: 'arrived_on_site' });
  return o.id as string;
}

async function signature(id: string) {
  const res = await w.call('appl_tech', 'POST', `/work-orders/${id}/attachments`, {
    kind: 'signature',
    dataUrl: PNG_1PX,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function consent(id: string, extra: Record<string, unknown> = {}) {
  const res = await w.call('appl_tech', 'POST', `/work-orders/${id}/consent`, {
    lines,
    signerName: '周桂兰',
    signatureAttachmentId: await signature(id),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const complete = (id: string) =>
  w.act('appl_tech', id, {
    type: 'completed',
    record: { result: '安装完毕，试火正常', onSite: true, signature: true },
  });

let installation = '';

describe('consent before work (G-9.2.6)', () => {
  it('G-9.2.6 appliance work cannot start or complete before the customer signs the price list; the screen says why', async () => {
    installation = await order('appliance_installation');
    const detail = await w.get('appl_tech', installation);
    expect(detail.allowedEvents).not.toContain('started');
    expect(detail.blockedEvents.map((b: { type: string }) => b.type)).toEqual(
      expect.arrayContaining(['started', 'completed']),
    );
    const start = await w.tryAct('appl_tech', installation, { type: 'started' });
    expect(start.statusCode).toBe(422);
    expect(start.json()).toMatchObject({ code: 'CONSENT_REQUIRED', details: { clause: 'G-9.2.6' } });
    const done = await w.tryAct('appl_tech', installation, {
      type: 'completed',
      record: { result: 'x', onSite: true, signatureRefusedReason: '用户不在' },
    });
    expect(done.json().code).toBe('CONSENT_REQUIRED');
    expect(await w.count(`select count(*)::int as n from warranties`)).toBe(0);
  });

  it('G-9.2.6 a price list is signed with the customer’s signature of this order, totals in fen; then the work starts', async () => {
    const bad = await w.call('appl_tech', 'POST', `/work-orders/${installation}/consent`, {
      lines: [],
      signerName: '周桂兰',
      signatureAttachmentId: await signature(installation),
    });
    expect(bad.json().code).toBe('CONSENT_INVALID');
    const fractional = await w.call('appl_tech', 'POST', `/work-orders/${installation}/consent`, {
      lines: [{ kind: 'labour', name: '人工', quantity: 1, unitFen: 10.5 }],
      signerName: '周桂兰',
      signatureAttachmentId: await signature(installation),
    });
    expect(fractional.statusCode).toBe(400);
    const foreign = await w.call('appl_tech', 'POST', `/work-orders/${installation}/consent`, {
      lines,
      signerName: '周桂兰',
      signatureAttachmentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(foreign.json().code).toBe('SIGNATURE_MISSING');
    expect(await w.count(`select count(*)::int as n from repair_consents`)).toBe(0);

    const view = await consent(installation);
    expect(view.consent).toMatchObject({
      totalFen: 3500 + 3000 + 8000,
      chargedFen: 14500,
      signerName: '周桂兰',
    });
    expect(view.consent.lines[1].amountFen).toBe(3000);
    await w.act('appl_tech', installation, { type: 'started' });
    // The receipt comes after the work, not before.
    const early = await w.call('appl_tech', 'GET', `/work-orders/${installation}/receipt.pdf`);
    expect(early.json().code).toBe('RECEIPT_NOT_READY');
  });

  it('G-9.2.6 a signed consent is never changed: the database refuses an update', async () => {
    await expect(w.t.database.executeSql(`update repair_consents set charged_fen = 0`)).rejects.toThrow();
  });
});

describe('quality certificate (G-9.2.7)', () => {
  it('G-9.2.7 refused with 422 naming every missing field', async () => {
    const res = await w.call('appl_tech', 'POST', `/work-orders/${installation}/quality-certificate`, {
      brand: '方太',
      leakTestPassed: true,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CERTIFICATE_INCOMPLETE');
    expect(res.json().details.fields).toEqual([
      'model',
      'flueCoPpm',
      'coLimitPpm',
      'coLimitBasis',
      'installerName',
      'testerName',
      'installerSignature',
      'testerSignature',
      'checklist.afterOutletValve',
      'checklist.compliantParts',
    ]);
    expect(res.json().messages.zh).toContain('型号');
    // G-9.2.4: the installation checklist's outlet-valve rule is named in the refusal.
    expect(res.json().messages.zh).toContain('计量表出口阀门之后');
  });

  const full = async (over: Record<string, unknown> = {}) => ({
    brand: '方太',
    model: 'JZT-TH29B',
    leakTestPassed: true,
    flueCoPpm: 120,
    coLimitPpm: 500,
    coLimitBasis: 'GB 16410 家用燃气灶具',
    installerId: w.ids.appl_tech,
    testerId: w.ids.appl_tester,
    installerSignatureId: await signature(installation),
    testerSignatureId: await signature(installation),
    checklist: ['afterOutletValve', 'compliantParts'],
    ...over,
  });

  it('G-9.2.7 a failed test gives no certificate; G-9.2.2 an installer without a valid certificate cannot sign', async () => {
    const co = await w.call(
      'appl_tech',
      'POST',
      `/work-orders/${installation}/quality-certificate`,
      await full({ flueCoPpm: 620 }),
    );
    expect(co.json().code).toBe('CERTIFICATE_TEST_FAILED');
    expect(co.json().messages.zh).toContain('500 ppm');
    const lapsed = await w.call(
      'appl_tech',
      'POST',
      `/work-orders/${installation}/quality-certificate`,
      await full({ testerId: w.ids.appl_lapsed }),
    );
    expect(lapsed.json()).toMatchObject({ code: 'INSTALLER_NOT_QUALIFIED', details: { field: 'testerId' } });
    expect(await w.count(`select count(*)::int as n from quality_certificates`)).toBe(0);
  });

  it('G-9.2.7 the certificate PDF carries every field in Chinese; once issued it is never issued again or changed', async () => {
    const res = await w.call(
      'appl_tech',
      'POST',
      `/work-orders/${installation}/quality-certificate`,
      await full(),
    );
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json().certificate;
    expect(c.certificateNo).toBe('ZL20261126-0001');
    expect(c.fields).toMatchObject({ company: '测试燃气具公司', customerName: '周桂兰', address: ADDRESS });
    const again = await w.call(
      'appl_tech',
      'POST',
      `/work-orders/${installation}/quality-certificate`,
      await full(),
    );
    expect(again.statusCode).toBe(409);
    await expect(w.t.database.executeSql(`update quality_certificates set fields = '{}'`)).rejects.toThrow();

    const pdf = await w.call('appl_tech', 'GET', `/work-orders/${installation}/quality-certificate.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ranre-cert-'));
    const file = path.join(dir, 'cert.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const s of [
      '燃气燃烧器具安装维修质量合格证',
      '测试燃气具公司',
      '周桂兰',
      '华光路',
      '方太',
      'JZT-TH29B',
      '气密性检测',
      '120 ppm',
      '500 ppm',
      'GB 16410',
      'appl_tech',
      'appl_tester',
      '2026-11-26',
      '0533-1234567',
      '0533-7654321',
      '企业盖章',
      '计量表出口阀门之后',
    ]) {
      expect(text, s).toContain(s);
    }
  });
});

describe('warranty (G-9.2.8)', () => {
  let first = '';
  it('G-9.2.8 completing an installation starts a 12-month warranty; the receipt follows', async () => {
    await complete(installation);
    const mine = await w.call('appl_tech', 'GET', `/work-orders/${installation}/warranties`);
    expect(mine.json().items).toEqual([
      expect.objectContaining({
        kind: 'installation',
        months: 12,
        startsOn: '2026-11-26',
        endsOn: '2027-11-25',
      }),
    ]);
    first = mine.json().items[0].id;
    const receipt = await w.call('appl_tech', 'GET', `/work-orders/${installation}/receipt.pdf`);
    expect(receipt.statusCode).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ranre-receipt-')), 'r.pdf');
    fs.writeFileSync(file, receipt.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('¥145.00');
    expect(text).toContain('周桂兰');
  });

  it('G-9.2.8 a repair at that address shows the warranty in force, is free under it and restarts it', async () => {
    w.at('2027-05-10 10:00');
    const redo = await order('appliance_repair');
    const view = (await w.call('appl_tech', 'GET', `/work-orders/${redo}/consent`)).json();
    expect(view.warranties.map((x: { id: string }) => x.id)).toEqual([first]);
    const signed = await consent(redo, { warrantyId: first });
    expect(signed.consent).toMatchObject({ totalFen: 14500, chargedFen: 0, warrantyId: first });
    await w.act('appl_tech', redo, { type: 'started' });
    await complete(redo);
    const now = (await w.call('appl_tech', 'GET', `/work-orders/${redo}/warranties`)).json().items;
    expect(now).toEqual([
      expect.objectContaining({
        kind: 'installation',
        months: 12,
        startsOn: '2027-05-10',
        endsOn: '2028-05-09',
        restartsWarrantyId: first,
      }),
    ]);
  });

  it('G-9.2.8 a repair is not free under a warranty that has ended; a paid repair carries 3 months', async () => {
    w.at('2028-06-01 10:00');
    const late = await order('appliance_repair');
    const old = (await w.call('appl_tech', 'GET', `/warranties?all=true`)).json().items;
    const refused = await w.call('appl_tech', 'POST', `/work-orders/${late}/consent`, {
      lines,
      signerName: '周桂兰',
      signatureAttachmentId: await signature(late),
      warrantyId: old[0].id,
    });
    expect(refused.json().code).toBe('WARRANTY_NOT_IN_FORCE');
    await consent(late);
    await w.act('appl_tech', late, { type: 'started' });
    await complete(late);
    const items = (await w.call('appl_tech', 'GET', `/work-orders/${late}/warranties`)).json().items;
    expect(items).toEqual([expect.objectContaining({ kind: 'repair', months: 3, endsOn: '2028-08-31' })]);
  });
});

describe('refusal with a reason (G-9.2.3)', () => {
  it('G-9.2.3 a repair of an appliance past its scrap age is refused with the reason; the written refusal on request', async () => {
    const o = await w.create('appl_agent', {
      itemCode: 'appliance_repair',
      channel: 'phone',
      callerName: '郑淑珍',
      callerPhone: '13905330099',
      address: '张店区柳泉路 210 号',
      description: '热水器漏水，使用约 10 年',
    });
    expect((await w.call('appl_agent', 'GET', `/work-orders/${o.id}/refusal.pdf`)).json().code).toBe(
      'NOT_REFUSED',
    );
    await w.act('appl_dispatcher', o.id, {
      type: 'refused',
      reason: '热水器已超过报废年限，不予维修；建议更换合格的新热水器',
      writtenNoticeRef: 'RJ-JJ-001',
    });
    const pdf = await w.call('appl_agent', 'GET', `/work-orders/${o.id}/refusal.pdf`);
    expect(pdf.statusCode).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ranre-refusal-')), 'r.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const s of [
      '不予安装（维修）告知书',
      '超过报废年限',
      '建议更换',
      'RJ-JJ-001',
      '郑淑珍',
      '0533-7654321',
    ])
      expect(text, s).toContain(s);
  });
});

describe('qualified installers (G-9.2.2)', () => {
  it('G-9.2.2 the certificate signers list says who holds no valid qualification', async () => {
    const res = await w.call('appl_tech', 'GET', `/work-orders/${installation}/certificate-signers`);
    const items = res.json().items as { displayName: string; unavailable: { zh: string } | null }[];
    expect(items.find((p) => p.displayName === 'appl_tech')?.unavailable).toBeNull();
    expect(items.find((p) => p.displayName === 'appl_lapsed')?.unavailable?.zh).toContain('G-9.2.2');
  });
});

describe('return visits (G-9.3.1)', () => {
  it('G-9.3.1 an installation is visited on its schedule; a visit is recorded only with all the safety advice and the answers', async () => {
    w.at('2027-01-05 10:00');
    const due = (await w.call('appl_agent', 'GET', '/appliance-return-visits?due=true')).json().items;
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ workOrderId: installation, completedOn: '2026-11-26' });
    expect(due[0].visits.map((v: { dueOn: string; state: string }) => [v.dueOn, v.state])).toEqual([
      ['2026-12-26', 'due'],
      ['2027-05-26', 'upcoming'],
      ['2027-11-26', 'upcoming'],
    ]);
    const visit = (body: Record<string, unknown>) =>
      w.call('appl_agent', 'POST', `/work-orders/${installation}/return-visits`, {
        dueOn: '2026-12-26',
        channel: 'phone',
        advice: ['operation', 'precautions', 'leak'],
        answers: '用户表示使用正常，已掌握关阀开窗的做法',
        ...body,
      });
    const partial = await visit({ advice: ['operation'] });
    expect(partial.json()).toMatchObject({ code: 'RETURN_VISIT_INCOMPLETE', details: { clause: 'G-9.3.1' } });
    expect(partial.json().messages.zh).toContain('燃气泄漏处理方法');
    expect((await visit({ answers: ' ' })).json().code).toBe('RETURN_VISIT_INCOMPLETE');
    expect((await visit({ dueOn: '2026-12-27' })).json().code).toBe('RETURN_VISIT_NOT_SCHEDULED');
    const ok = await visit({});
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().visits[0]).toMatchObject({ state: 'done', channel: 'phone', visitedBy: 'appl_agent' });
    expect((await visit({})).json().code).toBe('RETURN_VISIT_RECORDED');
    expect((await w.call('appl_agent', 'GET', '/appliance-return-visits?due=true')).json().items).toEqual([]);
  });
});
