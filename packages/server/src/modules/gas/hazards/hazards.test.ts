import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_1PX, orderWorld, toOnSite, type OrderWorld } from '../../service/workorders/testing.ts';
import { addHouseholds, recordBody } from '../inspections/inspections.fixtures.ts';

let w: OrderWorld;
let ids: string[];
beforeAll(async () => {
  w = await orderWorld();
  ids = await addHouseholds(w, [
    { kind: 'pipeline_urban_resident', community: '华侨城', building: '1号楼' },
    { kind: 'pipeline_urban_resident', community: '华侨城', building: '2号楼' },
    { kind: 'pipeline_urban_resident', community: '西河村', building: '3号院' },
  ]);
  w.at('2026-03-02 12:00');
});
afterAll(() => w.close());

type Grade = 'general' | 'serious' | 'major';
/** An ad-hoc inspection of customer `i` with one finding of `grade`; returns the hazard id. */
const finding = async (i: number, grade: Grade, at = '2026-03-02T10:00:00+08:00', item = 'hose') => {
  const res = await w.call(
    'gas_inspector',
    'POST',
    '/inspections/records',
    recordBody({
      customerId: ids[i],
      purpose: 'pre_supply',
      outcome: 'inspected',
      at,
      checklist: [{ code: item, ok: false }],
      findings: [{ item, grade, responsible: 'customer', description: `${grade} 隐患`, photos: [PNG_1PX] }],
      signature: PNG_1PX,
    }),
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json().hazardIds[0] as string;
};
const step = (id: string, body: object, who = 'gas_inspector') =>
  w.call(who, 'POST', `/hazards/${id}/steps`, body);

describe('hazards to closure', () => {
  let general: string;
  let serious: string;
  let major: string;

  it('G-5.11.6 each finding is a hazard with the deadline of its grade and a file that starts with its photos', async () => {
    general = await finding(0, 'general');
    serious = await finding(1, 'serious', '2026-02-20T10:00:00+08:00', 'flue');
    const h = (await w.call('gas_admin', 'GET', `/hazards/${general}`)).json();
    expect(h).toMatchObject({ grade: 'general', status: 'open', dueAt: '2026-04-01T16:00:00.000Z' });
    expect(h.file[0]).toMatchObject({ type: 'found', data: { photos: [PNG_1PX] } });
  });

  it('G-5.11.6 the ledger puts overdue hazards first and filters by grade and community', async () => {
    const res = await w.call('gas_admin', 'GET', '/hazards');
    const items = res.json().items as { id: string; overdue: boolean }[];
    expect(items[0]).toMatchObject({ id: serious, overdue: true });
    const flt = await w.call(
      'gas_admin',
      'GET',
      '/hazards?grade=general&community=%E5%8D%8E%E4%BE%A8%E5%9F%8E',
    );
    expect(flt.json().items.map((i: { id: string }) => i.id)).toEqual([general]);
  });

  it('G-5.11.6 re-inspection extends with a reason or closes; a closed file takes no more steps', async () => {
    expect((await step(serious, { type: 'extended', dueAt: '2026-03-20T00:00:00+08:00' })).statusCode).toBe(
      422,
    );
    const ext = await step(serious, {
      type: 'extended',
      dueAt: '2026-03-20T00:00:00+08:00',
      reason: '等待热水器到货',
    });
    expect(ext.json()).toMatchObject({ extensions: 1, overdue: false });
    const closed = await step(serious, { type: 'closed', reason: '烟道已改造', photos: [PNG_1PX] });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect(closed.json().file.map((e: { type: string }) => e.type)).toEqual(['found', 'extended', 'closed']);
    expect((await step(serious, { type: 'notice_signed' })).statusCode).toBe(422);
  });

  it('G-5.11.6 the rectification notice names the item, the deadline as found and who pays; a reprint keeps them and lists the extension', async () => {
    const pdfText = async (who: string, id: string) => {
      const res = await w.call(who, 'GET', `/hazards/${id}/rectification.pdf`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ranre-zg-')), 'notice.pdf');
      fs.writeFileSync(file, res.rawPayload);
      return execFileSync('pdftotext', ['-layout', file, '-']).toString();
    };
    const text = await pdfText('gas_inspector', serious);
    expect(text).toContain('整改通知书');
    expect(text).toContain('热水器、壁挂炉烟道');
    expect(text).toContain('较大隐患');
    // found 2026-02-20 10:00 with a 7-day limit; the extension to 2026-03-20 is listed, not printed over it
    expect(text).toContain('2026-02-27 24:00 前');
    expect(text).toContain('用户（户内设施产权人）');
    expect(text).toMatch(/延期记录[\s\S]*2026-03-19 24:00[\s\S]*等待热水器到货/);
    expect(text).toContain('监督电话');
    const masked = await pdfText('reg', serious);
    expect(masked).not.toContain('住户');
    expect(
      (
        await w.call(
          'gas_inspector',
          'GET',
          `/hazards/00000000-0000-4000-8000-000000000000/rectification.pdf`,
        )
      ).statusCode,
    ).toBe(404);
  });

  it('G-6.2.17 a major hazard reaches the regulator at once, with personal data masked', async () => {
    major = await finding(2, 'major', '2026-03-02T11:00:00+08:00', 'joint_leak');
    const queue = await w.call('reg', 'GET', '/hazards/major');
    expect(queue.statusCode, queue.body).toBe(200);
    const item = queue.json().items.find((i: { id: string }) => i.id === major);
    expect(item).toMatchObject({
      grade: 'major',
      enterpriseName: '测试燃气公司',
      customerName: '住**',
    });
    expect(item.phone).not.toMatch(/^1390533\d{4}$/);
    expect(item.reportedAt).toBeTruthy();
    expect(queue.json().items.some((i: { id: string }) => i.id === general)).toBe(false);
    // the regulator follows it but cannot change it
    expect((await step(major, { type: 'closed', reason: 'x' }, 'reg')).statusCode).toBe(403);
  });
});

describe('the supply gate', () => {
  const connection = async (customerId: string) => {
    const o = await w.create('gas_agent', {
      itemCode: 'gas_connection',
      channel: 'counter',
      callerName: '住户',
      callerPhone: '13905331000',
      description: '新房申请通气',
      customerId,
    });
    await toOnSite(w, o.id);
    return o.id as string;
  };
  const complete = async (id: string) => {
    const sig = await w.call('gas_tech', 'POST', `/work-orders/${id}/attachments`, {
      kind: 'signature',
      dataUrl: PNG_1PX,
    });
    const record = {
      result: '并网通气',
      onSite: true,
      signature: true,
      signatureAttachmentId: sig.json().id,
    };
    return w.tryAct('gas_tech', id, { type: 'completed', record });
  };

  it('G-5.11.3, G-6.2.1 a connection is not switched on until the company’s inspection of the facility passed; the refusal names it', async () => {
    const [fresh] = await addHouseholds(w, [
      { kind: 'pipeline_urban_resident', community: '新区', building: '9号楼' },
    ]);
    const id = await connection(fresh!);
    const refused = await complete(id);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'SUPPLY_INSPECTION_MISSING' });
    expect(refused.json().message).toContain('安全检查');
    const ok = await w.call(
      'gas_inspector',
      'POST',
      '/inspections/records',
      recordBody({
        customerId: fresh,
        purpose: 'pre_supply',
        outcome: 'inspected',
        at: '2026-03-02T11:30:00+08:00',
        checklist: [{ code: 'joint_leak', ok: true }],
        signature: PNG_1PX,
      }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await complete(id)).statusCode).toBe(200);
  });

  it('G-5.11.3 an open major hazard keeps the supply off', async () => {
    const id = await connection(ids[2]!);
    const refused = await complete(id);
    expect(refused.json()).toMatchObject({ code: 'SUPPLY_INSPECTION_MISSING' });
  });
});
