import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificates, staff } from '../../../db/schema.ts';
import { createEnterprise, createUser, linkUserToStaff } from '../../../testing/harness.ts';
import { orderWorld, type OrderWorld } from '../../service/workorders/testing.ts';

// G-5.6.1, G-9.2.2: the enterprise declares the certificates each job requires; only a login linked to a staff
// record holding each of them, valid, is dispatched — an unlinked login or one missing a certificate is refused
// with the reason, and the dispatcher's list says who and why.

let w: OrderWorld;
let appl = '';
const PRACTITIONER = '山东省燃气从业人员培训考核合格证书';
const TRADE = '燃气燃烧器具安装维修职业资格证书';

beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-11-26 09:00');
  appl = (await createEnterprise(w.t.database, 'appliance', '测试燃气具公司')).id;
  for (const [u, role] of [
    ['appl_admin', 'enterprise_admin'],
    ['appl_agent', 'agent'],
    ['appl_dispatcher', 'dispatcher'],
    ['appl_full', 'technician'],
    ['appl_partial', 'technician'],
    ['appl_unlinked', 'technician'],
  ] as const) {
    w.ids[u] = (await createUser(w.t.database, appl, u, role)).id;
  }
  const holds: [string, string[]][] = [
    ['appl_full', [PRACTITIONER, TRADE]],
    ['appl_partial', [TRADE]],
  ];
  for (const [u, names] of holds) {
    const [s] = await w.t.database.db
      .insert(staff)
      .values({ enterpriseId: appl, name: u, badgeNo: u, employeeNo: u, post: '安装工' })
      .returning();
    await linkUserToStaff(w.t.database, u, s!.id);
    for (const name of names) {
      await w.t.database.db.insert(certificates).values({
        staffId: s!.id,
        enterpriseId: appl,
        name,
        number: `${u}-${name.length}`,
        issuer: '山东省燃气热力协会',
        issuedOn: '2024-01-01',
        expiresOn: '2028-12-31',
      });
    }
  }
});
afterAll(() => w.close());

const assignees = async (itemCode: string) =>
  (
    await w.call('appl_dispatcher', 'GET', `/work-orders/assignees?purpose=dispatch&itemCode=${itemCode}`)
  ).json().items as { displayName: string; unavailable: { zh: string } | null }[];
const reason = (items: Awaited<ReturnType<typeof assignees>>, name: string) =>
  items.find((p) => p.displayName === name)?.unavailable?.zh ?? null;

describe('qualified people (G-5.6.1, G-9.2.2)', () => {
  it('G-5.6.1 with nothing declared a job keeps the expiry check alone (an unlinked login is offered)', async () => {
    const items = await assignees('appliance_installation');
    expect(reason(items, 'appl_unlinked')).toBeNull();
    expect(reason(items, 'appl_partial')).toBeNull();
  });

  it('G-9.2.2 the enterprise declares the certificates a job requires; only its admin, only its own jobs', async () => {
    const body = { certificates: [PRACTITIONER, TRADE] };
    expect(
      (await w.call('appl_dispatcher', 'PUT', '/qualification-requirements/appliance_installation', body))
        .statusCode,
    ).toBe(403);
    expect(
      (await w.call('appl_admin', 'PUT', '/qualification-requirements/heating_repair', body)).json().code,
    ).toBe('ITEM_UNKNOWN');
    const res = await w.call('appl_admin', 'PUT', '/qualification-requirements/appliance_installation', body);
    expect(res.statusCode, res.body).toBe(200);
    expect((await w.call('appl_dispatcher', 'GET', '/qualification-requirements')).json().items).toEqual([
      { itemCode: 'appliance_installation', certificates: [TRADE, PRACTITIONER].sort() },
    ]);
    expect(
      await w.count(
        `select count(*)::int as n from audit_events where action = 'qualification_requirement.set'`,
      ),
    ).toBe(1);
  });

  it('G-5.6.1 the dispatcher sees who is qualified for the job and why not', async () => {
    const items = await assignees('appliance_installation');
    expect(reason(items, 'appl_full')).toBeNull();
    expect(reason(items, 'appl_partial')).toContain(PRACTITIONER);
    expect(reason(items, 'appl_unlinked')).toContain('未关联员工档案');
    // Another job with nothing declared is unaffected.
    expect(reason(await assignees('appliance_repair'), 'appl_unlinked')).toBeNull();
  });

  it('G-9.2.2 dispatching a login without the required certificate, or without a staff record, is refused', async () => {
    const o = await w.create('appl_agent', {
      itemCode: 'appliance_installation',
      channel: 'phone',
      callerName: '周桂兰',
      callerPhone: '13905330088',
      address: '张店区华光路 88 号',
      description: '燃气灶安装',
    });
    const partial = await w.tryAct('appl_dispatcher', o.id, {
      type: 'dispatched',
      assignee: w.ids.appl_partial,
    });
    expect(partial.statusCode).toBe(422);
    expect(partial.json()).toMatchObject({ code: 'ASSIGNEE_NOT_QUALIFIED', details: { field: 'assignee' } });
    expect(partial.json().messages.zh).toContain(PRACTITIONER);
    const unlinked = await w.tryAct('appl_dispatcher', o.id, {
      type: 'dispatched',
      assignee: w.ids.appl_unlinked,
    });
    expect(unlinked.json().messages.zh).toContain('未关联员工档案');
    const ok = await w.tryAct('appl_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.appl_full });
    expect(ok.statusCode, ok.body).toBe(200);
    // G-9.2.2: the quality certificate's signers are judged by the same requirement.
    const signers = (await w.call('appl_full', 'GET', `/work-orders/${o.id}/certificate-signers`)).json()
      .items;
    expect(reason(signers, 'appl_full')).toBeNull();
    expect(reason(signers, 'appl_partial')).toContain(PRACTITIONER);
  });

  it('G-5.6.1 a required certificate that has expired blocks the dispatch', async () => {
    w.at('2029-01-05 09:00');
    expect(reason(await assignees('appliance_installation'), 'appl_full')).toContain('已过期');
  });
});
