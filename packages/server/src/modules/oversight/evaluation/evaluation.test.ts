import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FULL_PROTOCOL,
  addHouseholds,
  measurement,
  qualityWorld,
} from '../../heating/measurements/quality.fixtures.ts';
import { INDICATORS } from '@ranre/domain';
import type { Detail, OrderWorld } from '../../service/workorders/testing.ts';

// November 2026, hand-counted (Asia/Shanghai):
//   gas  repairs:    R1 contacted in 10 min, on site in 1 h (both met); R2 contacted after 1 h (response breached,
//                    on-site still running); R3 cancelled (left out); R4 in December (other period).
//        complaints: C1 answered next day (met); C2 still open. Return visit on C1: satisfied.
//   heat leaks:      L1 visit time agreed in 10 min (met); L2 after 1 h (breached).
//        complaint:  H1 feedback next day (met).
//        rooms:       P1 pass; P2 fail then pass (latest decisive counts); P3 analysis only (never counted).

let w: OrderWorld;
const ids: Record<string, string> = {};
const feedback = {
  staffName: '王海涛',
  customer: '王建国',
  handledAt: '2026-11-10T10:00:00+08:00',
  result: '已处理',
};
const findings = { facts: '属实', correctiveMeasures: '整改', accountability: '扣绩效' };

async function order(who: string, at: string, body: Record<string, unknown>): Promise<Detail> {
  w.at(at);
  return w.create(who, {
    channel: 'phone',
    callerName: '王建国',
    callerPhone: '13905330002',
    description: '测试',
    ...body,
  });
}
async function act(who: string, at: string, id: string, event: Record<string, unknown>) {
  w.at(at);
  return w.act(who, id, event);
}
async function handleComplaint(id: string, at: string, gas: boolean) {
  const [disp, tech] = gas ? ['gas_dispatcher', 'gas_tech'] : ['heat_dispatcher', 'heat_tech'];
  await act(disp, at, id, { type: 'dispatched', assignee: w.ids[tech] });
  await act(tech, at, id, { type: 'accepted' });
  await act(tech, at, id, { type: 'completed', record: { result: '已核实', onSite: false } });
  await act(tech, at, id, { type: 'feedback_given', feedback, findings });
}
const get = async (who: string, url: string) => {
  const res = await w.call(who, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
type Figure = {
  enterpriseId: string;
  value: number | null;
  numerator: number;
  denominator: number;
  status: string;
  rank: number | null;
};
const figure = (data: Detail, indicator: string, enterpriseId: string): Figure =>
  data.indicators
    .find((i: Detail) => i.id === indicator)
    .figures.find((f: Figure) => f.enterpriseId === enterpriseId);

beforeAll(async () => {
  w = await qualityWorld();
  const gasRepair = { itemCode: 'gas_repair' };
  const r1 = await order('gas_agent', '2026-11-03 09:00', gasRepair);
  await act('gas_dispatcher', '2026-11-03 09:10', r1.id, { type: 'customer_contacted', note: '已联系' });
  await act('gas_dispatcher', '2026-11-03 09:20', r1.id, { type: 'dispatched', assignee: w.ids.gas_tech });
  await act('gas_tech', '2026-11-03 09:30', r1.id, { type: 'accepted' });
  await act('gas_tech', '2026-11-03 10:00', r1.id, { type: 'arrived_on_site' });
  const r2 = await order('gas_agent', '2026-11-04 09:00', gasRepair);
  await act('gas_dispatcher', '2026-11-04 10:00', r2.id, { type: 'customer_contacted', note: '迟了' });
  const r3 = await order('gas_agent', '2026-11-05 09:00', gasRepair);
  await act('gas_agent', '2026-11-05 09:05', r3.id, { type: 'cancelled', reason: '用户撤回' });
  const r4 = await order('gas_agent', '2026-12-01 09:00', gasRepair);
  await act('gas_dispatcher', '2026-12-01 09:05', r4.id, { type: 'customer_contacted', note: '已联系' });
  const complaint = { itemCode: 'gas_complaint', complaintCategory: 'missed_time_limit' };
  const c1 = await order('gas_agent', '2026-11-09 09:00', { ...complaint, callerPhone: '13905338101' });
  await handleComplaint(c1.id, '2026-11-10 10:00', true);
  await act('gas_agent', '2026-11-10 11:00', c1.id, { type: 'return_visited', satisfaction: 'satisfied' });
  const c2 = await order('gas_agent', '2026-11-10 09:00', { ...complaint, callerPhone: '13905338102' });
  Object.assign(ids, { r1: r1.id, r2: r2.id, c1: c1.id, c2: c2.id });

  const leak = { itemCode: 'heating_leak', callerName: '赵淑芬', callerPhone: '13905330003' };
  const l1 = await order('heat_agent', '2026-11-16 20:00', leak);
  await act('heat_agent', '2026-11-16 20:10', l1.id, {
    type: 'appointment_agreed',
    agreedAt: '2026-11-17T09:00:00+08:00',
  });
  const l2 = await order('heat_agent', '2026-11-17 20:00', leak);
  await act('heat_agent', '2026-11-17 21:00', l2.id, {
    type: 'appointment_agreed',
    agreedAt: '2026-11-18T09:00:00+08:00',
  });
  const h1 = await order('heat_agent', '2026-11-18 09:00', {
    itemCode: 'heating_service_complaint',
    customerId: w.customers.heat,
    callerName: '赵淑芬',
    complaintCategory: 'attitude',
  });
  await handleComplaint(h1.id, '2026-11-19 10:00', false);
  Object.assign(ids, { l1: l1.id, l2: l2.id, h1: h1.id });

  const [p1, p2, p3] = await addHouseholds(w, [{}, {}, {}]);
  const measure = async (at: string, body: Record<string, unknown>) => {
    w.at(at);
    const res = await w.call('heat_tech', 'POST', '/measurements', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  expect((await measure('2026-11-20 10:00', measurement(p1!, [190]))).outcome).toBe('pass');
  expect((await measure('2026-11-20 10:30', measurement(p2!, [160]))).outcome).toBe('fail');
  expect((await measure('2026-11-21 10:00', measurement(p2!, [190]))).outcome).toBe('pass');
  const analysis = measurement(p3!, [150], { protocol: { ...FULL_PROTOCOL, sensorHeightMm: 1350 } });
  expect((await measure('2026-11-21 11:00', analysis)).outcome).toBe('analysis_only');
  w.at('2026-11-25 12:00');
});
afterAll(() => w.close());

describe('G-12.4 / H-10.5 figures from stored outcomes', () => {
  it('G-12.4.2.4 / G-12.4.2.5: repair response 1 of 2 (a cancelled order and another month left out), on-site 1 of 1', async () => {
    const d = await get('reg', '/evaluation?period=2026-11');
    const gas = w.world.gas.id;
    expect(figure(d, 'gas_repair_response', gas)).toMatchObject({
      value: 50,
      numerator: 1,
      denominator: 2,
      status: 'no_target',
    });
    expect(figure(d, 'gas_repair_timeliness', gas)).toMatchObject({
      value: 100,
      numerator: 1,
      denominator: 1,
    });
    expect(figure(d, 'gas_repair_response', w.world.heat.id)).toBeUndefined();
  });
  it('G-12.4.1.3 / G-12.4.1.4: timeliness counts settled complaints (1 of 1), completion every complaint (1 of 2)', async () => {
    const d = await get('reg', '/evaluation?period=2026-11');
    expect(figure(d, 'gas_complaint_timeliness', w.world.gas.id)).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
    expect(figure(d, 'gas_complaint_completion', w.world.gas.id)).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 50,
    });
    expect(figure(d, 'return_visit_satisfaction', w.world.gas.id)).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
  });
  it('H-10.5.2: a leak reply after 1 h misses the 100 % target (1 of 2); H-10.5.4 / H-10.5.5 met (1 of 1)', async () => {
    const d = await get('reg', '/evaluation?period=2026-11');
    const heat = w.world.heat.id;
    expect(figure(d, 'heating_repair_response', heat)).toMatchObject({
      value: 50,
      numerator: 1,
      denominator: 2,
      status: 'missed',
    });
    expect(figure(d, 'heating_complaint_timeliness', heat)).toMatchObject({ value: 100, status: 'met' });
    expect(figure(d, 'heating_complaint_completion', heat)).toMatchObject({
      numerator: 1,
      denominator: 1,
      status: 'met',
    });
    expect(d.indicators.find((i: Detail) => i.id === 'heating_complaint_timeliness').target).toEqual({
      kind: 'at_least',
      percent: 95,
    });
  });
  it('H-10.4.1, H-10.5.5, H-10.4.4: a heating complaint judged unreasonable leaves the rates; it is answered and reported to 12345', async () => {
    const heat = w.world.heat.id;
    const h2 = await order('heat_agent', '2026-11-22 09:00', {
      itemCode: 'heating_service_complaint',
      customerId: w.customers.heat,
      callerName: '赵淑芬',
      callerPhone: '13905330009',
      complaintCategory: 'attitude',
      description: '要求提前供热',
    });
    w.at('2026-11-25 12:00');
    // Unjudged, it counts: 1 of 2 concluded, the 100 % target missed.
    let d = await get('reg', '/evaluation?period=2026-11');
    expect(figure(d, 'heating_complaint_completion', heat)).toMatchObject({
      numerator: 1,
      denominator: 2,
      status: 'missed',
    });
    const basis = '《山东省供热条例》：供热期由市人民政府确定';
    const reason = '诉求为提前开始供热，超出供热合同约定';
    const refused = await w.tryAct('heat_dispatcher', h2.id, {
      type: 'complaint_judged',
      reasonable: false,
      basis,
    });
    expect(refused.json()).toMatchObject({ code: 'PAYLOAD_MISSING' }); // the reason the customer is answered with
    await act('heat_dispatcher', '2026-11-25 12:00', h2.id, {
      type: 'complaint_judged',
      reasonable: false,
      basis,
      reason,
    });
    d = await get('reg', '/evaluation?period=2026-11');
    expect(figure(d, 'heating_complaint_completion', heat)).toMatchObject({
      numerator: 1,
      denominator: 1,
      status: 'met',
    });
    const detail = await w.get('heat_agent', h2.id);
    expect(detail.complaint.judgement).toEqual({ reasonable: false, basis, reason });
    const outbox = (await get('heat_admin', '/notifications?limit=50')).items as Detail[];
    const answer = outbox.find((n) => n.kind === 'complaint_unreasonable_answer');
    expect(answer).toMatchObject({ channel: 'sms' });
    expect(answer!.body).toContain(reason);
    expect(answer!.body).toContain(basis);
    const report = outbox.find((n) => n.kind === 'complaint_12345_report');
    expect(report!.recipient).toContain('12345');
    expect(report!.body).toContain(h2.orderNo);
  });
  it('H-10.5.3: room temperature counts each household’s latest decisive reading; the analysis-only one is left out (2 of 2)', async () => {
    const d = await get('reg', '/evaluation?period=2026-11');
    expect(figure(d, 'room_temperature_pass', w.world.heat.id)).toMatchObject({
      numerator: 2,
      denominator: 2,
      status: 'met',
    });
    const season = await get('heat_admin', '/evaluation?period=2026-2027');
    expect(season.period).toMatchObject({ kind: 'season', from: '2026-11-15', to: '2027-03-16' });
    expect(figure(season, 'room_temperature_pass', w.world.heat.id)).toMatchObject({
      numerator: 2,
      denominator: 2,
    });
  });
  it('H-10.5.2: the Excel export has the same figures, verdicts and targets as the cockpit; an enterprise exports its own only', async () => {
    const d = await get('reg', '/evaluation?period=2026-11');
    const res = await w.call('reg', 'GET', '/evaluation/export.xlsx?period=2026-11');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('评价考核-2026-11.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.getWorksheet('评价结果')!.getSheetValues() as unknown[][])
      .slice(2)
      .map((r) => r.slice(1));
    const total = d.indicators.reduce((n: number, i: Detail) => n + i.figures.length, 0);
    expect(rows).toHaveLength(total);
    const heatName = d.enterprises.find((e: Detail) => e.id === w.world.heat.id).name;
    const repair = rows.find((r) => r[0] === heatName && r[1] === '供热设施抢修响应率');
    expect(repair!.slice(3, 8)).toEqual([1, 2, 50, '100%', '未达标']);
    const own = await w.call('heat_admin', 'GET', '/evaluation/export.xlsx?period=2026-11');
    const mine = new ExcelJS.Workbook();
    await mine.xlsx.load(own.rawPayload as unknown as ArrayBuffer);
    const names = (mine.getWorksheet('评价结果')!.getSheetValues() as unknown[][]).slice(2).map((r) => r[1]);
    expect(new Set(names)).toEqual(new Set([heatName]));
  });
  it('G-12.4.2.4: the trend gives each period the cockpit figure of that period (November 1 of 2, December 1 of 1)', async () => {
    const trend = await get('reg', '/evaluation/trend?period=2026-12&count=2');
    expect(trend.periods).toEqual(['2026-11', '2026-12']);
    const gasRepair = trend.series.find(
      (s: Detail) => s.indicator === 'gas_repair_response' && s.enterpriseId === w.world.gas.id,
    );
    expect(gasRepair.values).toEqual([50, 100]);
    const own = await get('heat_admin', '/evaluation/trend?period=2026-12&count=2');
    expect(new Set(own.series.map((s: Detail) => s.enterpriseId))).toEqual(new Set([w.world.heat.id]));
  });
  it('every figure equals its drill-down: numerator and denominator lists, records linked to their orders', async () => {
    const d = await get('reg', '/evaluation?period=2026-11');
    for (const ind of d.indicators) {
      for (const f of ind.figures as Figure[]) {
        const q = `/evaluation/drilldown?period=2026-11&indicator=${ind.id}&enterpriseId=${f.enterpriseId}&pageSize=200`;
        // A rate counts its records; an average sums their amounts; an amount ratio (H-10.5.1) sums both parts.
        const num = await get('reg', `${q}&part=numerator`);
        const den = await get('reg', `${q}&part=denominator`);
        expect(ind.unit === 'percent' ? num.total : (num.amountSum ?? 0), ind.id).toBe(f.numerator);
        expect(ind.unit === 'permille' ? (den.denAmountSum ?? 0) : den.total, ind.id).toBe(f.denominator);
        // A rate's list holds exactly the records its figure counts (a page of 200 holds them all here).
        if (ind.unit === 'percent') {
          expect(num.items.length, ind.id).toBe(f.numerator);
          expect(den.items.length, ind.id).toBe(f.denominator);
        }
      }
    }
    const list = await get(
      'reg',
      `/evaluation/drilldown?period=2026-11&indicator=gas_repair_response&enterpriseId=${w.world.gas.id}`,
    );
    expect(list.items.map((i: Detail) => [i.orderId, i.outcome, i.inNumerator])).toEqual([
      [ids.r1, 'met', true],
      [ids.r2, 'breached', false],
    ]);
    const paged = await get(
      'reg',
      `/evaluation/drilldown?period=2026-11&indicator=gas_repair_response&enterpriseId=${w.world.gas.id}&pageSize=1&page=2`,
    );
    expect(paged).toMatchObject({ total: 2, items: [expect.objectContaining({ orderId: ids.r2 })] });
  });
  it('an enterprise sees only its own figures; other roles and enterprises are refused', async () => {
    const own = await get('gas_admin', '/evaluation?period=2026-11');
    expect(own.enterprises.map((e: Detail) => e.id)).toEqual([w.world.gas.id]);
    expect(
      (await w.call('gas_admin', 'GET', `/evaluation?period=2026-11&enterpriseId=${w.world.heat.id}`))
        .statusCode,
    ).toBe(403);
    const other = `/evaluation/drilldown?period=2026-11&indicator=heating_repair_response&enterpriseId=${w.world.heat.id}`;
    expect((await w.call('gas_admin', 'GET', other)).statusCode).toBe(403);
    expect((await w.call('gas_agent', 'GET', '/evaluation?period=2026-11')).statusCode).toBe(403);
    expect((await w.call('reg', 'GET', '/evaluation?period=2026-13')).json().code).toBe(
      'EVALUATION_PERIOD_INVALID',
    );
    expect((await w.call('reg', 'GET', '/evaluation?period=2030-2031')).statusCode).toBe(404);
    const kind = await get('reg', '/evaluation?period=2026-11&kind=heating');
    expect(kind.enterprises.map((e: Detail) => e.id)).toEqual([w.world.heat.id]);
  });
});

describe('closed periods do not move (issue 14)', () => {
  it('only the regulator closes, and only an ended period', async () => {
    expect((await w.call('gas_admin', 'POST', '/evaluation/periods/2026-11/close')).statusCode).toBe(403);
    w.at('2026-11-30 23:59');
    const early = await w.call('reg', 'POST', '/evaluation/periods/2026-11/close');
    expect(early.json().code).toBe('EVALUATION_PERIOD_NOT_ENDED');
  });
  it('a closed period keeps its figures, records and rules after a later change of a record and of a rule; reopening needs the regulator and a reason, audited', async () => {
    w.at('2026-12-02 09:00');
    const closed = await w.call('reg', 'POST', '/evaluation/periods/2026-11/close');
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', definitionsVersion: expect.any(String) });
    expect((await w.call('reg', 'POST', '/evaluation/periods/2026-11/close')).statusCode).toBe(409);

    // The later change: the open November complaint is answered in December, late — its clock is now breached.
    await handleComplaint(ids.c2!, '2026-12-02 10:00', true);
    const gas = w.world.gas.id;
    const kept = await get('reg', '/evaluation?period=2026-11');
    expect(kept.period.closed).toBe(true);
    expect(figure(kept, 'gas_complaint_timeliness', gas)).toMatchObject({
      numerator: 1,
      denominator: 1,
      value: 100,
    });
    const q = `/evaluation/drilldown?period=2026-11&indicator=gas_complaint_timeliness&enterpriseId=${gas}`;
    expect((await get('reg', q)).items.map((i: Detail) => i.orderId)).toEqual([ids.c1]);

    // A later change of a rule: H-10.5.2's target lowered to 50 % in the definitions. The closed period keeps the
    // definitions it was closed with, so its 1-of-2 stays missed; a live period is judged by the new rule.
    const def = INDICATORS.find((i) => i.id === 'heating_repair_response')! as { target?: unknown };
    const original = def.target;
    def.target = { kind: 'at_least', percent: 50 };
    try {
      const after = await get('reg', '/evaluation?period=2026-11');
      expect(figure(after, 'heating_repair_response', w.world.heat.id)).toMatchObject({
        value: 50,
        status: 'missed',
      });
      expect(after.indicators.find((i: Detail) => i.id === 'heating_repair_response').target).toEqual({
        kind: 'all',
      });
      const open = await get('reg', '/evaluation?period=2026-2027');
      expect(figure(open, 'heating_repair_response', w.world.heat.id)).toMatchObject({
        value: 50,
        status: 'met',
      });
    } finally {
      def.target = original;
    }

    const reopen = (who: string, body: object) =>
      w.call(who, 'POST', '/evaluation/periods/2026-11/reopen', body);
    expect((await reopen('gas_admin', { reason: '数据更正' })).statusCode).toBe(403);
    expect((await reopen('reg', {})).statusCode).toBe(400);
    expect((await reopen('reg', { reason: '企业申诉，核实后重算' })).statusCode).toBe(200);
    const live = await get('reg', '/evaluation?period=2026-11');
    expect(live.period.closed).toBe(false);
    expect(figure(live, 'gas_complaint_timeliness', gas)).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 50,
    });
    const audit = await w.t.database.executeSql(
      `select action, before, after from audit_events where entity = 'evaluation_period' and entity_id = '2026-11' order by id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'evaluation.period_closed',
      'evaluation.period_reopened',
    ]);
    expect(audit.rows[1]!.after).toMatchObject({ reason: '企业申诉，核实后重算' });
    const keptFigures = (audit.rows[1]!.before as { figures: object[] }).figures;
    expect(keptFigures).toContainEqual(
      expect.objectContaining({
        indicator: 'gas_complaint_timeliness',
        enterprise_id: gas,
        numerator: 1,
        denominator: 1,
      }),
    );
  });
});
