import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderWorld, type Detail, type OrderWorld } from '../workorders/testing.ts';

// November 2026, the heating company: its own sample survey of 3 households (satisfied, basically satisfied,
// dissatisfied) and a third party's 2 (satisfied, dissatisfied) → satisfied 3 of 5 = 60 %. A survey on 12-01 is
// December's.

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
});
afterAll(() => w.close());

const figure = async (period: string) => {
  const res = await w.call('reg', 'GET', `/evaluation?period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json()
    .indicators.find((i: Detail) => i.id === 'survey_satisfaction')
    .figures.find((f: Detail) => f.enterpriseId === w.world.heat.id);
};

describe('satisfaction surveys (H-3.14, G-12.4.5, H-10.3.2)', () => {
  it('H-3.14 the satisfaction rate is respondents satisfied (or basically) over all respondents, both sources', async () => {
    w.at('2026-12-02 09:00');
    const own = await w.call('heat_admin', 'POST', '/satisfaction-surveys', {
      source: 'sample',
      surveyor: '客服中心',
      surveyedOn: '2026-11-15',
      respondents: [
        { respondent: 'RL0001', grade: 'satisfied', factors: { 室温: 'satisfied', 服务态度: 'satisfied' } },
        { respondent: 'RL0002', grade: 'basically_satisfied', factors: { 室温: 'basically_satisfied' } },
        { respondent: 'RL0003', grade: 'dissatisfied', factors: { 室温: 'dissatisfied' } },
      ],
    });
    expect(own.statusCode, own.body).toBe(201);
    const third = await w.call('heat_admin', 'POST', '/satisfaction-surveys', {
      source: 'third_party',
      surveyor: '淄博市城市调查队',
      surveyedOn: '2026-11-30',
      respondents: [{ grade: 'satisfied' }, { grade: 'dissatisfied' }],
    });
    expect(third.json()).toEqual({ recorded: 2 });
    await w.call('heat_admin', 'POST', '/satisfaction-surveys', {
      source: 'sample',
      surveyor: '客服中心',
      surveyedOn: '2026-12-01',
      respondents: [{ grade: 'satisfied' }],
    });
    expect(await figure('2026-11')).toMatchObject({ numerator: 3, denominator: 5, value: 60 });
    expect(await figure('2026-12')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    const drill = await w.call(
      'reg',
      'GET',
      `/evaluation/drilldown?indicator=survey_satisfaction&enterpriseId=${w.world.heat.id}&period=2026-11&part=numerator`,
    );
    expect(drill.json().total).toBe(3);
    // G-12.4.5: by factor and grade.
    const list = (
      await w.call('heat_admin', 'GET', '/satisfaction-surveys?from=2026-11-01&to=2026-11-30')
    ).json();
    expect(list.summary).toMatchObject({ respondents: 5, satisfied: 3 });
    expect(list.summary.factors).toEqual(
      expect.arrayContaining([
        { factor: '室温', satisfied: 1, basicallySatisfied: 1, dissatisfied: 1 },
        { factor: '服务态度', satisfied: 1, basicallySatisfied: 0, dissatisfied: 0 },
      ]),
    );
  });

  it('H-10.3.2 answers are kept as given: a future date or an unknown grade is refused, nothing is changed', async () => {
    w.at('2026-12-02 09:00');
    const future = await w.call('heat_admin', 'POST', '/satisfaction-surveys', {
      source: 'sample',
      surveyor: '客服中心',
      surveyedOn: '2026-12-03',
      respondents: [{ grade: 'satisfied' }],
    });
    expect(future.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const bad = await w.call('heat_admin', 'POST', '/satisfaction-surveys', {
      source: 'sample',
      surveyor: '客服中心',
      surveyedOn: '2026-12-01',
      respondents: [{ grade: 'ok' }],
    });
    expect(bad.statusCode).toBe(400);
    expect((await w.call('gas_admin', 'GET', '/satisfaction-surveys')).json().total).toBe(0);
    await expect(
      w.t.database.db.execute(sql`update satisfaction_responses set grade = 'satisfied'`),
    ).rejects.toThrow();
  });

  it('G-12.4.5, H-3.14: a third party’s results imported from a file — checked first (nothing recorded), each bad row with its reasons, then the good rows counted', async () => {
    w.at('2026-11-05 09:00');
    const csv = [
      '调查单位,调查日期,受访者,总体评价,室温,服务态度',
      '淄博市城市调查队,2026-10-20,RL0101,满意,满意,基本满意',
      '淄博市城市调查队,2026/10/21,RL0102,不满意,不满意,',
      '淄博市城市调查队,2026-10-22,RL0103,还行,满意,满意',
      '淄博市城市调查队,2026-11-30,RL0104,满意,满意,满意',
    ].join('\n');
    const body = (dryRun: boolean) => ({
      source: 'third_party',
      format: 'csv',
      fileBase64: Buffer.from(csv, 'utf8').toString('base64'),
      dryRun,
    });
    const checked = await w.call('heat_admin', 'POST', '/satisfaction-surveys/import', body(true));
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({ dryRun: true, accepted: 2, recorded: 0 });
    expect(
      checked.json().bad.map((b: Detail) => [b.row, b.reasons.map((r: Detail) => [r.code, r.column])]),
    ).toEqual([
      [4, [['GRADE_INVALID', '总体评价']]],
      [5, [['IN_FUTURE', '调查日期']]],
    ]);
    expect((await figure('2026-10')).denominator).toBe(0);
    const done = await w.call('heat_admin', 'POST', '/satisfaction-surveys/import', body(false));
    expect(done.json()).toMatchObject({ dryRun: false, accepted: 2, recorded: 2 });
    expect(await figure('2026-10')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    const list = (
      await w.call('heat_admin', 'GET', '/satisfaction-surveys?from=2026-10-01&to=2026-10-31')
    ).json();
    expect(list.items.map((i: Detail) => [i.source, i.surveyedOn, i.respondent, i.grade, i.factors])).toEqual(
      expect.arrayContaining([
        [
          'third_party',
          '2026-10-20',
          'RL0101',
          'satisfied',
          { 室温: 'satisfied', 服务态度: 'basically_satisfied' },
        ],
        ['third_party', '2026-10-21', 'RL0102', 'dissatisfied', { 室温: 'dissatisfied' }],
      ]),
    );
    const missing = await w.call('heat_admin', 'POST', '/satisfaction-surveys/import', {
      ...body(true),
      fileBase64: Buffer.from('受访者,室温\nRL1,满意', 'utf8').toString('base64'),
    });
    expect(missing.json()).toMatchObject({ code: 'IMPORT_FILE_INVALID' });
    expect((await w.call('heat_agent', 'POST', '/satisfaction-surveys/import', body(true))).statusCode).toBe(
      200,
    );
    expect((await w.call('reg', 'POST', '/satisfaction-surveys/import', body(true))).statusCode).toBe(403);
  });
});
