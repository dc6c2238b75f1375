import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/actor.ts';
import { EvaluationService } from '../modules/oversight/evaluation/evaluation.service.ts';
import { buildTestApp, type TestApp } from '../testing/harness.ts';
import { seedDemo } from './seed.ts';

// The demo's evaluation data (issue 14): every heating company with customers has an operation accident rate (H-10.5.1) in the
// months of the last season, some within 2 ‰ and some over it, and every company a district for the filter.

let t: TestApp;
let service: EvaluationService;
let regulator: Actor;
beforeAll(async () => {
  t = await buildTestApp();
  t.setNow(new Date('2027-01-05T02:00:00Z'));
  await seedDemo(t.database, t.ctx.now(), () => {});
  service = new EvaluationService(t.ctx);
  const reg = (
    await t.database.executeSql(
      `select u.id, u.enterprise_id from users u join enterprises e on e.id = u.enterprise_id
       where e.kind = 'regulator' limit 1`,
    )
  ).rows[0]!;
  regulator = {
    id: String(reg.id),
    username: 'regulator',
    displayName: '监管',
    role: 'regulator',
    enterpriseId: String(reg.enterprise_id),
  } as Actor;
}, 300_000);
afterAll(() => t.close());

describe('demo evaluation data', () => {
  it('H-10.5.1: each heating company with an archive has an accident rate in three months of the last season, met and missed among them', async () => {
    const statuses: string[] = [];
    for (const period of ['2025-12', '2026-01', '2026-02']) {
      const d = await service.figures(regulator, { period });
      const rate = d.indicators.find((i) => i.id === 'heating_accident_rate')!;
      // The demo reseller has no customers of its own (no heated area): only the heating companies are rated.
      const heating = d.enterprises.filter((e) => e.kind === 'heating');
      expect(heating.length).toBeGreaterThanOrEqual(2);
      for (const e of heating) {
        const f = rate.figures.find((x) => x.enterpriseId === e.id)!;
        expect(f.value, `${e.name} ${period}`).not.toBeNull();
        statuses.push(f.status);
      }
    }
    expect(statuses).toContain('met');
    expect(statuses).toContain('missed');
  });

  it('every demo company has the district its address names, and the filter offers them', async () => {
    const d = await service.figures(regulator, { period: '2026-12', district: '临淄区' });
    expect(d.enterprises.map((e) => e.name)).toEqual(['淄博临淄示范管道燃气有限公司']);
    expect(d.districts).toEqual(expect.arrayContaining(['张店区', '临淄区', '淄川区', '周村区']));
  });
});
