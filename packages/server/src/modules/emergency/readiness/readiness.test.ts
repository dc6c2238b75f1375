import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../../db/schema.ts';
import { PNG_1PX, orderWorld, type Detail, type OrderWorld } from '../../service/workorders/testing.ts';
import { runReadinessWatcher } from './watcher.job.ts';

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-06-01 09:00');
  await w.t.database.db.insert(customers).values({
    enterpriseId: w.world.gas.id,
    accountNo: 'RQ0900',
    kind: 'pipeline_rural_resident',
    name: '孙桂兰',
    phone: '13905330900',
  });
});
afterAll(() => w.close());

const plan = (over: Record<string, unknown> = {}) => ({
  eventKind: 'supply_shortage',
  title: '供气短缺应急预案',
  contents: '组织机构、应急响应、预警、信息报告、善后处置、应急保障；与市政府燃气应急预案衔接。',
  filedWith: '淄博市城市管理局',
  filedOn: '2026-03-01',
  reviewDueOn: '2026-06-20',
  ...over,
});
const exercise = (over: Record<string, unknown> = {}) => ({
  kind: 'drill',
  heldOn: '2026-05-20',
  place: '张店区某小区',
  audience: 'customers',
  participants: 36,
  summary: '模拟户内燃气泄漏，关阀、通风、疏散',
  photos: [PNG_1PX],
  ...over,
});
const alerts = async () => (await w.call('gas_admin', 'GET', '/emergency/alerts')).json().items as Detail[];

describe('emergency plans (G-5.12.1, G-5.12.2)', () => {
  it('G-5.12.2 a plan near its review date is alerted once, overdue once more; a revision replaces it', async () => {
    const filed = await w.call('gas_admin', 'POST', '/emergency/plans', plan());
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ reviewState: 'due_soon', current: true });
    await runReadinessWatcher(w.t.ctx, w.at('2026-06-01 09:00'));
    await runReadinessWatcher(w.t.ctx, w.at('2026-06-02 09:00'));
    expect((await alerts()).filter((a) => a.kind === 'plan_review')).toHaveLength(1);
    await runReadinessWatcher(w.t.ctx, w.at('2026-06-21 09:00'));
    const reviews = (await alerts()).filter((a) => a.kind === 'plan_review');
    expect(reviews).toHaveLength(2);
    expect(reviews[0]!.messages.zh).toContain('已过复审日期');
    const revised = await w.call(
      'gas_admin',
      'POST',
      '/emergency/plans',
      plan({ filedOn: '2026-06-21', reviewDueOn: '2027-06-21', revises: filed.json().id }),
    );
    expect(revised.statusCode, revised.body).toBe(201);
    const list = (await w.call('gas_admin', 'GET', '/emergency/plans')).json().items as Detail[];
    expect(list.map((p) => [p.current, p.reviewState])).toEqual([
      [true, 'ok'],
      [false, 'overdue'],
    ]);
    // A plan superseded is not watched any more; a second revision of it is refused; plans are never edited.
    await runReadinessWatcher(w.t.ctx, w.at('2026-06-22 09:00'));
    expect((await alerts()).filter((a) => a.kind === 'plan_review')).toHaveLength(2);
    const again = await w.call(
      'gas_admin',
      'POST',
      '/emergency/plans',
      plan({ filedOn: '2026-06-21', reviewDueOn: '2027-06-21', revises: filed.json().id }),
    );
    expect(again.json().code).toBe('EMERGENCY_PLAN_ALREADY_REVISED');
    await expect(
      w.t.database.db.execute(
        sql`update emergency_plans set title = 'x' where id = ${filed.json().id}::uuid`,
      ),
    ).rejects.toThrow();
    // The regulator reads across enterprises.
    expect((await w.call('reg', 'GET', '/emergency/plans')).json().items).toHaveLength(2);
  });
});

describe('drills and leak-response publicity (G-5.12.4, G-5.12.5)', () => {
  it('G-5.12.4 G-5.12.5 the year’s shortfalls are listed, alerted in the last quarter, and cleared by records', async () => {
    w.at('2026-06-01 09:00');
    const res = await w.call('gas_admin', 'POST', '/emergency/exercises', exercise());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().photos).toEqual([PNG_1PX]);
    // The drill with customers is done; the publicity for rural residents is still twice short.
    const year = (await w.call('gas_admin', 'GET', '/emergency/exercises')).json();
    expect(year.shortfalls.map((s: Detail) => [s.kind, s.missing, s.clause, s.alert])).toEqual([
      ['leak_publicity', 2, 'G-5.12.5', false],
    ]);
    await runReadinessWatcher(w.t.ctx, w.at('2026-10-09 09:00'));
    expect((await alerts()).filter((a) => a.kind === 'exercise_shortfall').map((a) => a.clause)).toEqual([
      'G-5.12.5',
    ]);
    for (const heldOn of ['2026-10-02']) {
      await w.call(
        'gas_admin',
        'POST',
        '/emergency/exercises',
        exercise({ kind: 'leak_publicity', audience: 'rural_residents', heldOn }),
      );
    }
    // Publicity for urban customers does not count for the rural residents (G-5.12.5).
    await w.call(
      'gas_admin',
      'POST',
      '/emergency/exercises',
      exercise({ kind: 'leak_publicity', heldOn: '2026-10-06' }),
    );
    expect((await w.call('gas_admin', 'GET', '/emergency/exercises')).json().shortfalls).toHaveLength(1);
    await w.call(
      'gas_admin',
      'POST',
      '/emergency/exercises',
      exercise({ kind: 'leak_publicity', audience: 'rural_residents', heldOn: '2026-10-08' }),
    );
    expect((await w.call('gas_admin', 'GET', '/emergency/exercises')).json().shortfalls).toEqual([]);
    expect((await w.call('gas_admin', 'GET', '/emergency/exercises')).json().items).toHaveLength(4);
  });

  it('H-6.4.2 a heating company without its yearly drill is alerted in the last quarter', async () => {
    const n = await runReadinessWatcher(w.t.ctx, w.at('2026-10-12 09:00'));
    expect(n).toBeGreaterThan(0);
    const heat = (await w.call('heat_admin', 'GET', '/emergency/alerts')).json().items as Detail[];
    expect(heat.filter((a) => a.kind === 'exercise_shortfall').map((a) => a.clause)).toEqual(['H-6.4.2']);
  });

  it('G-5.12.4 refuses a future date, a photo that is not an image, or an agent, writing nothing', async () => {
    w.at('2026-10-12 09:00');
    expect(
      (await w.call('gas_admin', 'POST', '/emergency/exercises', exercise({ heldOn: '2026-10-13' }))).json()
        .code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (
        await w.call(
          'gas_admin',
          'POST',
          '/emergency/exercises',
          exercise({ photos: ['data:text/html;base64,AA=='] }),
        )
      ).statusCode,
    ).toBe(400);
    expect((await w.call('gas_agent', 'POST', '/emergency/exercises', exercise())).statusCode).toBe(403);
    expect((await w.call('gas_admin', 'GET', '/emergency/exercises')).json().items).toHaveLength(4);
  });
});
