import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, heatingSeasons, premises } from '../../../db/schema.ts';
import { orderWorld, type Detail, type OrderWorld } from '../../service/workorders/testing.ts';

// Heating operations (issue 20): patrols and findings handled to closure (H-6.3.1), the maintenance plan in the
// non-heating season reported to the authority (H-6.3.2), a new community's maintenance commitment shown to residents
// (H-6.1.7) and read by a claim (H-9.6.3), and the building notice (H-6.3.4).

let w: OrderWorld;
let policyId: string;
beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-06-10 09:00');
  await w.t.database.db.insert(heatingSeasons).values({
    enterpriseId: w.world.heat.id,
    area: '张店区',
    period: '2026-2027',
    startsOn: '2026-11-15',
    endsOn: '2027-03-15',
    legalHeatingDays: 121,
    paymentDueOn: '2026-11-10',
  });
  const [other] = await w.t.database.db
    .insert(customers)
    .values({
      enterpriseId: w.world.heat.id,
      accountNo: 'RL0002',
      kind: 'heating_resident',
      name: '钱文',
      phone: '13905330009',
    })
    .returning({ id: customers.id });
  const home = (customerId: string, building: string) => ({
    enterpriseId: w.world.heat.id,
    customerId,
    district: '张店区',
    community: '华润小区',
    building,
    address: `张店区华润小区${building}`,
  });
  await w.t.database.db.insert(premises).values([home(w.customers.heat, '3号楼'), home(other!.id, '5号楼')]);
  const res = await w.call('heat_admin', 'POST', '/insurance/policies', {
    insurer: '中国人民财产保险淄博分公司',
    policyNo: 'PICC-2026-0002',
    cover: '供热公众责任险',
    limitFen: 500_000_000,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  });
  policyId = res.json().id;
});
afterAll(() => w.close());

const post = async (who: string, url: string, body: object, status = 201) => {
  const res = await w.call(who, 'POST', url, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as Detail;
};

describe('heating facility patrols (H-6.3.1)', () => {
  it('H-6.3.1 a patrol’s findings stay open until closed with what was done, overdue past their day, closed once', async () => {
    const check = await post('heat_dispatcher', '/heating/facility-checks', {
      kind: 'patrol',
      facility: '华润小区换热站',
      checkedOn: '2026-06-10',
      checkedBy: '马振华',
      findings: [
        { text: '一次网阀门渗漏', severity: 'major', dueOn: '2026-06-12' },
        { text: '站内照明损坏', severity: 'minor', dueOn: '2026-06-20' },
      ],
    });
    expect(check.findings.map((f: Detail) => f.status)).toEqual(['open', 'open']);
    w.at('2026-06-13 09:00');
    const list = (await w.call('reg', 'GET', '/heating/facility-checks')).json().items as Detail[];
    expect(list[0]!.findings.map((f: Detail) => f.status)).toEqual(['overdue', 'open']);
    const leak = check.findings[0].id as string;
    const closed = await post(
      'heat_dispatcher',
      `/heating/findings/${leak}/close`,
      { closedOn: '2026-06-13', closure: '更换阀门密封件，复查无渗漏' },
      200,
    );
    expect(closed.findings[0]).toMatchObject({ status: 'closed', closure: '更换阀门密封件，复查无渗漏' });
    const again = await w.call('heat_dispatcher', 'POST', `/heating/findings/${leak}/close`, {
      closedOn: '2026-06-13',
      closure: '再次关闭',
    });
    expect(again.json().code).toBe('FINDING_CLOSED');
    const gas = await w.call('gas_admin', 'POST', '/heating/facility-checks', {
      kind: 'patrol',
      facility: 'x',
      checkedOn: '2026-06-13',
      checkedBy: 'x',
    });
    expect(gas.statusCode).toBe(403);
  });
});

describe('annual maintenance plan (H-6.3.2)', () => {
  it('H-6.3.2 a plan reaching into the heating season is refused; one in the non-heating season is reported once', async () => {
    const items = [{ facility: '华润小区换热站', work: '板换拆洗、循环泵检修' }];
    const inSeason = await w.call('heat_admin', 'POST', '/heating/maintenance-plans', {
      year: 2026,
      startsOn: '2026-06-15',
      endsOn: '2026-11-20',
      items,
    });
    expect(inSeason.statusCode).toBe(422);
    expect(inSeason.json()).toMatchObject({ code: 'MAINTENANCE_IN_SEASON' });
    expect(inSeason.json().messages.zh).toContain('2026-11-15');
    const plan = await post('heat_admin', '/heating/maintenance-plans', {
      year: 2026,
      startsOn: '2026-06-15',
      endsOn: '2026-10-31',
      items,
    });
    expect(plan.reportedAt).toBeNull();
    const reported = await post(
      'heat_admin',
      `/heating/maintenance-plans/${plan.id}/report`,
      { reportedTo: '淄博市住房和城乡建设局' },
      200,
    );
    expect(reported.reportedAt).toBe(w.t.ctx.now().toISOString());
    const twice = await w.call('heat_admin', 'POST', `/heating/maintenance-plans/${plan.id}/report`, {
      reportedTo: '淄博市住房和城乡建设局',
    });
    expect(twice.json().code).toBe('MAINTENANCE_PLAN_REPORTED');
    const seen = (await w.call('reg', 'GET', '/heating/maintenance-plans')).json().items as Detail[];
    expect(seen).toEqual([expect.objectContaining({ id: plan.id, reportedTo: '淄博市住房和城乡建设局' })]);
  });
});

describe('maintenance commitments of new communities (H-6.1.7, H-9.6.3)', () => {
  const commitment = (over: object) => ({
    community: '华润小区',
    connectedOn: '2026-05-01',
    party: 'developer',
    partyName: '淄博华润置地有限公司',
    partyPhone: '0533-2888000',
    endsOn: '2028-04-30',
    terms: '入网后两年内楼内及小区供热设施由建设单位负责维修保养',
    ...over,
  });

  it('H-6.1.7 a developer’s commitment needs its period, and is shown to residents on the public page', async () => {
    const noEnd = await w.call('heat_admin', 'POST', '/heating/maintenance-commitments', {
      ...commitment({}),
      endsOn: undefined,
    });
    expect(noEnd.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'endsOn' } });
    const filed = await post('heat_admin', '/heating/maintenance-commitments', commitment({}));
    expect(filed).toMatchObject({ developerMaintainsToday: true, superseded: false });
    const page = (
      await w.t.app.inject({ method: 'GET', url: `/api/public/enterprises/${w.world.heat.id}` })
    ).json();
    expect(page.maintenanceCommitments).toEqual([
      expect.objectContaining({
        community: '华润小区',
        partyName: '淄博华润置地有限公司',
        endsOn: '2028-04-30',
      }),
    ]);
  });

  it('H-9.6.3 a claim in a community the developer maintains is excluded by its record, whatever the form says', async () => {
    const res = await w.call('heat_admin', 'POST', '/insurance/claims', {
      policyId,
      community: '华润小区',
      claimant: '赵淑芬',
      description: '楼内立管漏水',
      facts: { developer_warranty: false },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'CLAIM_EXCLUDED',
      details: { exclusions: ['developer_warranty'] },
    });
  });

  it('H-6.1.7 H-9.6.3 once the property company is recorded as inheriting, the developer exclusion no longer applies', async () => {
    w.at('2026-06-13 10:00');
    await post(
      'heat_admin',
      '/heating/maintenance-commitments',
      commitment({
        party: 'property_company',
        partyName: '华润物业',
        endsOn: undefined,
        terms: '建设单位未备案，物业继承维保责任',
      }),
    );
    const list = (await w.call('heat_admin', 'GET', '/heating/maintenance-commitments')).json()
      .items as Detail[];
    expect(list.map((c) => [c.party, c.superseded])).toEqual([
      ['property_company', false],
      ['developer', true],
    ]);
    const opened = await post('heat_admin', '/insurance/claims', {
      policyId,
      community: '华润小区',
      claimant: '赵淑芬',
      description: '楼内立管漏水',
      facts: { developer_warranty: true },
    });
    expect(opened).toMatchObject({ exclusions: [], community: '华润小区' });
  });
});

describe('building notices (H-6.3.4)', () => {
  const notice = (over: object = {}) => ({
    community: '华润小区',
    building: '3号楼',
    ownerName: '华润物业',
    ownerPhone: '13905338888',
    reason: 'cannot_fill',
    cause: '楼内公共立管锈蚀破损，无法充水',
    advice: '产权单位尽快组织维修；住户关闭户内进水阀，注意防冻',
    effectiveOn: '2026-06-14',
    ...over,
  });

  it('H-6.3.4 a notice not given ahead is refused; one given ahead tells the owner and that building’s households', async () => {
    const late = await w.call(
      'heat_dispatcher',
      'POST',
      '/heating/building-notices',
      notice({ effectiveOn: '2026-06-13' }),
    );
    expect(late.json()).toMatchObject({
      code: 'BUILDING_NOTICE_NOT_AHEAD',
      details: { field: 'effectiveOn' },
    });
    const issued = await post('heat_dispatcher', '/heating/building-notices', notice());
    expect(issued.households).toBe(1);
    const { rows } = await w.t.database.executeSql(
      `select recipient, customer_id is null as owner, body from notifications where kind = 'building_heating_notice' order by owner desc`,
    );
    expect(rows.map((r) => [r.recipient, r.owner])).toEqual([
      ['13905338888', true],
      ['13905330003', false],
    ]);
    expect(String(rows[1]!.body)).toContain('楼内公共立管锈蚀破损');
    const pdf = await w.call('heat_dispatcher', 'GET', `/heating/building-notices/${issued.id}/notice.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const seen = (await w.call('reg', 'GET', '/heating/building-notices')).json().items as Detail[];
    expect(seen.map((n) => n.id)).toEqual([issued.id]);
    const other = await w.call('gas_admin', 'GET', `/heating/building-notices/${issued.id}/notice.pdf`);
    expect(other.statusCode).toBe(404);
  });
});
