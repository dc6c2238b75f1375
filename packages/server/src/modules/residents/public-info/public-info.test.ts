import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprises, priceSchedules, staff } from '../../../db/schema.ts';
import { createEnterprise, createUser } from '../../../testing/harness.ts';
import { iso, noticeWorld, type Json, type NoticeWorld } from '../../service/notices/notices.fixtures.ts';

// The public information (G-4.2.3, H-7.5.5, G-5.4.5, H-7.6.1.5): read without signing in, from the very rows the staff
// keep — a change by the staff shows at once, because there is no second copy.

let w: NoticeWorld;
beforeAll(async () => {
  w = await noticeWorld();
  w.at('2026-11-26 09:00');
});
afterAll(() => w.close());

const info = async (id: string) => {
  const res = await w.call(null, 'GET', `/api/public/enterprises/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
};

describe('public service information, no sign-in', () => {
  it('G-4.2.3 each service enterprise publishes its phones, service points, catalogue limits and fees', async () => {
    const list = (await w.call(null, 'GET', '/api/public/enterprises')).json().items as Json[];
    expect(list.map((e) => e.id)).toEqual(expect.arrayContaining([w.world.gas.id, w.world.heat.id]));
    expect(list.map((e) => e.id)).not.toContain(w.world.regulator.id);
    expect((await w.call(null, 'GET', `/api/public/enterprises/${w.world.regulator.id}`)).statusCode).toBe(
      404,
    );

    // The staff change their service points and phones; the public page shows the change, no copy to update.
    await w.t.database.db
      .update(enterprises)
      .set({
        hotline: '0533-2961000',
        servicePoints: [
          { name: '张店营业厅', address: '张店区华光路 88 号', hours: '8:30–17:30', takesPayments: true },
          { name: '抢修值班室', address: '张店区共青团路 9 号', hours: '24 小时', takesPayments: false },
        ],
      })
      .where(eq(enterprises.id, w.world.gas.id));
    const gas = await info(w.world.gas.id);
    expect(gas.enterprise).toMatchObject({ hotline: '0533-2961000', supervisionPhone: expect.any(String) });
    expect(gas.enterprise.servicePoints).toHaveLength(2);
    expect(gas.enterprise.servicePoints[1]).toMatchObject({ hours: '24 小时', takesPayments: false });
    const leak = gas.catalogue.find((i: Json) => i.code === 'gas_indoor_leak');
    expect(leak.clocks[0]).toMatchObject({ clause: 'G-6.2.13', limit: '0.5h' });
    expect(leak.fee.kind).toBe('free');
    expect(gas.catalogue.some((i: Json) => i.sector === 'heating')).toBe(false);
    expect(gas.reopenPeriodDays).toBe(7);
  });

  it('G-5.4.5 staff badge numbers and duties are published from the staff registry, names by surname only', async () => {
    await w.t.database.db.insert(staff).values([
      {
        enterpriseId: w.world.gas.id,
        name: '王海涛',
        badgeNo: 'ZB-RQ-9001',
        employeeNo: 'P9001',
        post: '维修工',
      },
      {
        enterpriseId: w.world.gas.id,
        name: '李离职',
        badgeNo: 'ZB-RQ-9002',
        employeeNo: 'P9002',
        post: '安检员',
        active: false,
      },
      {
        enterpriseId: w.world.heat.id,
        name: '周建平',
        badgeNo: 'ZB-RL-9001',
        employeeNo: 'H9001',
        post: '客服',
      },
    ]);
    const gas = await info(w.world.gas.id);
    const badges = gas.staff.map((m: Json) => m.badgeNo);
    expect(gas.staff).toContainEqual({ badgeNo: 'ZB-RQ-9001', name: '王**', post: '维修工' });
    expect(badges).not.toContain('ZB-RQ-9002'); // no longer active
    expect(badges).not.toContain('ZB-RL-9001'); // another enterprise's
    expect(JSON.stringify(gas.staff)).not.toContain('海涛');
  });

  it('G-5.4.5 prices in force and their history come from the price schedules the staff publish', async () => {
    await w.t.database.db.insert(priceSchedules).values([
      {
        enterpriseId: w.world.gas.id,
        sector: 'gas',
        customerClass: 'residential',
        effectiveFrom: '2025-01-01',
        tiers: [{ upTo: null, price: 290 }],
        basis: '淄发改价格〔2024〕1号',
      },
      {
        enterpriseId: w.world.gas.id,
        sector: 'gas',
        customerClass: 'residential',
        effectiveFrom: '2026-01-01',
        tiers: [
          { upTo: 400_000, price: 305 },
          { upTo: null, price: 366 },
        ],
        basis: '淄发改价格〔2025〕9号',
      },
      {
        enterpriseId: w.world.gas.id,
        sector: 'gas',
        customerClass: 'residential',
        effectiveFrom: '2027-01-01',
        tiers: [{ upTo: null, price: 320 }],
      },
    ]);
    const prices = (await info(w.world.gas.id)).prices as Json[];
    expect(prices.map((p) => [p.effectiveFrom, p.inForce])).toEqual([
      ['2025-01-01', false],
      ['2026-01-01', true],
      ['2027-01-01', false],
    ]);
    expect(prices[1]).toMatchObject({
      basis: '淄发改价格〔2025〕9号',
      tiers: [{ price: 305 }, { price: 366 }],
    });
    expect((await info(w.world.heat.id)).prices).toEqual([]);
  });

  it('G-5.4.5 planned stoppages of the enterprise are published with it, not with another', async () => {
    const res = await w.call('gas_admin', 'POST', '/api/notices', {
      kind: 'planned_interruption',
      title: '中压管线碰口施工停气',
      cause: '中压管线碰口施工',
      communities: ['华光小区'],
      safetyAdvice: '停气期间请关闭灶前阀，恢复供气后先开窗通风',
      startsAt: iso('2026-11-30 09:00'),
      expectedRestoreAt: iso('2026-11-30 17:00'),
    });
    expect(res.statusCode, res.body).toBe(201);
    const gas = await info(w.world.gas.id);
    expect(gas.stoppages.map((n: Json) => n.title)).toContain('中压管线碰口施工停气');
    expect((await info(w.world.heat.id)).stoppages.map((n: Json) => n.title)).not.toContain(
      '中压管线碰口施工停气',
    );
  });

  it('G-6.2.12 a resident sees the outage notices over his own bound address, and no other', async () => {
    await createUser(w.t.database, w.world.gas.id, 'gas_resident', 'resident');
    const found = await w.t.database.executeSql(`select account_no from customers where name = '赵丽'`);
    const accountNo = String(found.rows[0]!.account_no);
    expect((await w.call('gas_resident', 'GET', '/api/resident/notices')).json().items).toEqual([]);
    const req = await w.call('gas_resident', 'POST', '/api/resident/bindings', {
      accountNo,
      name: '赵丽',
      phoneLast4: '5555',
    });
    expect(req.statusCode, req.body).toBe(201);
    const sms = await w.t.database.executeSql(
      `select body from notifications where kind = 'binding_code' and recipient = '13705335555'`,
    );
    const code = /验证码 (\d{6})/.exec(String(sms.rows[0]!.body))![1];
    const ok = await w.call('gas_resident', 'POST', `/api/resident/bindings/${req.json().id}/confirm`, {
      code,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const mine = (await w.call('gas_resident', 'GET', '/api/resident/notices')).json().items as Json[];
    expect(mine.map((n) => [n.title, n.accountNo])).toEqual([['中压管线碰口施工停气', accountNo]]);
  });

  it('H-10.4.4 the complaint rules and each complaint item’s completion limit are published from the catalogue the clocks use', async () => {
    const gas = await info(w.world.gas.id);
    const limits = gas.complaints.limits as Json[];
    const complaint = limits.find((l) => l.code === 'gas_complaint')!;
    expect(complaint.clocks[0]).toMatchObject({
      clause: 'G-5.7.2',
      limitText: { zh: expect.stringContaining('5') },
    });
    // The same limit the staff's clock runs on.
    const item = (gas.catalogue as Json[]).find((i) => i.code === 'gas_complaint')!;
    expect(complaint.clocks[0].limitText).toEqual(item.clocks[0].limitText);
    expect(gas.complaints.rules.map((r: Json) => r.zh).join()).toContain('12345');
    expect(gas.complaints.categories.map((c: Json) => c.code)).toContain('repeated_unresolved');
    const heat = await info(w.world.heat.id);
    expect((heat.complaints.limits as Json[]).every((l) => !String(l.code).startsWith('gas_'))).toBe(true);
    expect(heat.complaints.limits.length).toBeGreaterThan(0);
    expect(gas.bottledGas).toBeNull();
  });

  it('G-7.1.13 a bottled-gas enterprise publishes the residue standard (3 % of the fill) and its compensation', async () => {
    const lpg = await createEnterprise(w.t.database, 'bottled_gas', '测试液化气公司');
    const page = await info(lpg.id);
    expect(page.bottledGas.residueMaxPercent).toBe(3);
    expect(page.bottledGas.rules.map((r: Json) => r.zh).join()).toContain('退还');
  });
});
