import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadTimeLatest, parseShanghaiDateTime } from '@ranre/domain';
import { runNoticeOverruns } from '../modules/service/notices/overrun.job.ts';
import { buildTestApp, type TestApp } from '../testing/harness.ts';
import { seedDemo } from './seed.ts';

// The demo notices are real cases that pass the clauses they illustrate.

let t: TestApp;
const now = parseShanghaiDateTime('2026-11-26 10:00');
beforeAll(async () => {
  t = await buildTestApp();
  t.setNow(now);
  await seedDemo(t.database, now);
}, 240_000);
afterAll(() => t.close());

type Row = Record<string, unknown>;
const rows = async (q: string) => (await t.database.executeSql(q)).rows as Row[];

describe('demo notices', () => {
  it('the demo: the heating company announced filling and commissioning for this season 7 days ahead, to its households', async () => {
    const list = await rows(`select n.kind, n.starts_at, n.published_at, n.manager_phone, n.communities,
        (select count(*)::int from notifications m where m.ref_id = n.id::text) as recipients
      from service_notices n join enterprises e on e.id = n.enterprise_id
      where e.name like '%热力%' and n.kind in ('filling', 'commissioning') order by n.starts_at`);
    expect(list.map((r) => r.kind)).toEqual(['filling', 'commissioning']);
    for (const r of list) {
      const starts = new Date(r.starts_at as string);
      expect(starts.getTime()).toBeLessThan(parseShanghaiDateTime('2026-11-15 00:00').getTime());
      expect(new Date(r.published_at as string).getTime()).toBeLessThanOrEqual(
        leadTimeLatest(starts, 7).latestAt.getTime(),
      );
      expect(r.manager_phone).toMatch(/^0533-/);
      expect((r.communities as string[]).length).toBeGreaterThan(0);
      expect(r.recipients).toBeGreaterThan(0);
    }
  });

  it('the demo: an interruption over 24 h in progress with households told, and an overrun told again', async () => {
    const list = await rows(`select n.id, n.status, n.expected_restore_at, n.overrun_notified_at,
        (select count(*)::int from notifications m where m.ref_id = n.id::text and m.kind like '%_notice') as first,
        (select count(*)::int from notifications m where m.ref_id = n.id::text and m.kind like '%_overrun') as second
      from service_notices n where n.kind = 'unplanned_interruption' and n.status = 'published'`);
    const overrun = list.find((r) => r.overrun_notified_at !== null)!;
    expect(overrun.second).toBe(overrun.first);
    expect(Number(overrun.first)).toBeGreaterThan(0);
    const ongoing = list.find((r) => r.overrun_notified_at === null)!;
    expect(new Date(ongoing.expected_restore_at as string).getTime()).toBeGreaterThan(now.getTime());
    expect(Number(ongoing.first)).toBeGreaterThan(0);
    // nothing left for the overrun job: the demo overrun was already told
    expect(await runNoticeOverruns(t.ctx, now)).toEqual({ notices: 0, messages: 0 });
  });

  it('the demo: the gas company announced a planned outage 72 h ahead; the public board shows every current notice', async () => {
    const board = (await t.app.inject({ method: 'GET', url: '/api/public/notices' })).json().items as Row[];
    const gas = board.find((n) => n.sector === 'gas')!;
    expect(gas).toMatchObject({ kind: 'planned_interruption', clause: 'G-6.2.12' });
    expect(
      new Date(gas.startsAt as string).getTime() - new Date(gas.publishedAt as string).getTime(),
    ).toBeGreaterThanOrEqual(72 * 3_600_000);
    const heating = board.filter((n) => n.sector === 'heating');
    expect(heating.filter((n) => n.current).map((n) => n.kind)).toEqual([
      'unplanned_interruption',
      'unplanned_interruption',
    ]);
    expect(
      heating
        .filter((n) => !n.current)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['commissioning', 'filling', 'unplanned_interruption']);
  });
});
