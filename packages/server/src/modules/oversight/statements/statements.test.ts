import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderWorld, type Detail, type OrderWorld } from '../../service/workorders/testing.ts';

// Self-evaluation, improvement plans, remarks and publications of an evaluation period (issue 14).

let w: OrderWorld;
let complaintId = '';

beforeAll(async () => {
  w = await orderWorld();
  // One heating complaint in November, still open: completion 0 of 1 until judged.
  w.at('2026-11-20 09:00');
  const o = await w.create('heat_agent', {
    itemCode: 'heating_service_complaint',
    channel: 'phone',
    customerId: w.customers.heat,
    callerName: '赵淑芬',
    callerPhone: '13905330011',
    description: '要求提前供热',
    complaintCategory: 'attitude',
  });
  complaintId = o.id;
  w.at('2026-12-02 10:00');
});
afterAll(() => w.close());

const post = async (who: string, url: string, body: object) => w.call(who, 'POST', url, body);
const publicResults = async (enterpriseId: string) =>
  (
    await w.t.app.inject({
      method: 'GET',
      url: `/api/public/evaluation-results?enterpriseId=${enterpriseId}`,
    })
  ).json().items as Detail[];

describe('statements about an evaluation period', () => {
  it('G-12.2, H-10.3.8: the enterprise records its self-evaluation and plan; the regulator remarks; others see none of it', async () => {
    const heat = w.world.heat.id;
    const self = await post('heat_admin', '/evaluation/statements', {
      period: '2026-11',
      kind: 'self_evaluation',
      body: '回访满意率达标；投诉处结偏慢，一件投诉超期未结。',
    });
    expect(self.statusCode, self.body).toBe(201);
    expect(self.json()).toMatchObject({ enterpriseId: heat, kind: 'self_evaluation' });
    const plan = await post('heat_admin', '/evaluation/statements', {
      period: '2026-11',
      kind: 'improvement_plan',
      body: '投诉实行首问负责，值班主任每日督办未结投诉。',
    });
    expect(plan.statusCode).toBe(201);
    // Only the regulator remarks, and it names the enterprise; an enterprise cannot write for another.
    expect(
      (
        await post('heat_admin', '/evaluation/statements', {
          period: '2026-11',
          kind: 'remark',
          body: '自我表扬',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await post('reg', '/evaluation/statements', { period: '2026-11', kind: 'remark', body: '请按期整改' }))
        .statusCode,
    ).toBe(400);
    const remark = await post('reg', '/evaluation/statements', {
      period: '2026-11',
      kind: 'remark',
      body: '请于下月报送整改落实情况。',
      enterpriseId: heat,
    });
    expect(remark.statusCode).toBe(201);

    const own = (await w.call('heat_admin', 'GET', '/evaluation/statements?period=2026-11')).json()
      .items as Detail[];
    expect(own.map((s) => s.kind).sort()).toEqual(['improvement_plan', 'remark', 'self_evaluation']);
    const other = (await w.call('gas_admin', 'GET', '/evaluation/statements?period=2026-11')).json().items;
    expect(other).toEqual([]);
    // Statements are append-only: the database refuses to edit one.
    await expect(
      w.t.database.db.execute(
        sql`update evaluation_statements set body = 'x' where id = ${self.json().id}::uuid`,
      ),
    ).rejects.toThrow();
  });

  it('G-12.3, H-10.5.6: a publication keeps the figures as they stood; the public reads them without signing in', async () => {
    const heat = w.world.heat.id;
    expect(
      (await post('heat_admin', '/evaluation/publications', { period: '2026-12' })).json(),
    ).toMatchObject({
      code: 'EVALUATION_PERIOD_NOT_ENDED',
    });
    const pub = await post('heat_admin', '/evaluation/publications', { period: '2026-11' });
    expect(pub.statusCode, pub.body).toBe(201);
    const completion = (s: Detail) =>
      s.figures.find(
        (f: Detail) => f.indicator === 'heating_complaint_completion' && f.enterpriseId === heat,
      );
    expect(completion(pub.json())).toMatchObject({
      numerator: 0,
      denominator: 1,
      status: 'missed',
      target: '100%',
    });
    // Only its own enterprise's figures.
    expect(new Set(pub.json().figures.map((f: Detail) => f.enterpriseId))).toEqual(new Set([heat]));

    // A later judgement moves the live figure, never the published one.
    await w.act('heat_dispatcher', complaintId, {
      type: 'complaint_judged',
      reasonable: false,
      basis: '《山东省供热条例》',
      reason: '诉求超出供热合同约定',
    });
    const live = (await w.call('reg', 'GET', '/evaluation?period=2026-11')).json();
    const liveCompletion = live.indicators
      .find((i: Detail) => i.id === 'heating_complaint_completion')
      .figures.find((f: Detail) => f.enterpriseId === heat);
    expect(liveCompletion).toMatchObject({ denominator: 0, status: 'no_data' });
    const seen = await publicResults(heat);
    expect(seen).toHaveLength(1);
    expect(completion(seen[0]!)).toMatchObject({ numerator: 0, denominator: 1 });

    // The regulator publishes every enterprise's results; a page about one enterprise shows that one's rows.
    const all = await post('reg', '/evaluation/publications', { period: '2026-11' });
    expect(all.statusCode).toBe(201);
    expect(all.json().enterpriseId).toBeNull();
    expect(new Set(all.json().figures.map((f: Detail) => f.enterpriseId)).size).toBeGreaterThan(1);
    const forHeat = await publicResults(heat);
    expect(forHeat).toHaveLength(2);
    expect(forHeat.every((s) => s.figures.every((f: Detail) => f.enterpriseId === heat))).toBe(true);
  });
});
