import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderWorld, type Detail, type OrderWorld } from '../../service/workorders/testing.ts';

let w: OrderWorld;
let policyId: string;
beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-09-28 10:00');
  const res = await w.call('heat_admin', 'POST', '/insurance/policies', {
    insurer: '中国人民财产保险淄博分公司',
    policyNo: 'PICC-2026-0001',
    cover: '供热公众责任险',
    limitFen: 500_000_000,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  });
  expect(res.statusCode, res.body).toBe(201);
  policyId = res.json().id;
});
afterAll(() => w.close());

const claim = (over: Record<string, unknown> = {}) => ({
  policyId,
  claimant: '赵淑芬',
  description: '楼内供热管道爆裂，室内地板泡水',
  ...over,
});
const act = async (id: string, event: object) => {
  const list = (await w.call('heat_admin', 'GET', '/insurance/claims')).json().items as Detail[];
  const version = list.find((c) => c.id === id)!.version;
  return w.call('heat_admin', 'POST', `/insurance/claims/${id}/events`, { version, event });
};

describe('insurance claims (G-11.2–G-11.4, H-9.5, H-9.6)', () => {
  it('H-9.6 a claim for a customer modification is refused with the reason, and accepted with a written one', async () => {
    const refused = await w.call(
      'heat_admin',
      'POST',
      '/insurance/claims',
      claim({ facts: { customer_modification: true } }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'CLAIM_EXCLUDED',
      details: { exclusions: ['customer_modification'] },
    });
    expect(refused.json().messages.zh).toContain('用户擅自改装');
    const accepted = await w.call(
      'heat_admin',
      'POST',
      '/insurance/claims',
      claim({
        facts: { customer_modification: true },
        overrideReason: '改装部分与爆裂点无关，经鉴定由主管网压力异常造成',
      }),
    );
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().exclusions).toEqual(['customer_modification']);
  });

  it('H-9.5 the agreed compensation is due 30 working days later by the calendar, and paid once', async () => {
    const c = (await w.call('heat_admin', 'POST', '/insurance/claims', claim())).json();
    for (const event of [
      { type: 'insurer_called', insurer: '中国人民财产保险淄博分公司' },
      { type: 'loss_counted', withCustomer: true, photos: 6, video: true },
      { type: 'parts_kept', where: '公司物资库' },
      { type: 'assessed_told', amountFen: 1_250_000 },
    ]) {
      expect((await act(c.id, event)).statusCode).toBe(200);
    }
    // Agreed Mon 2026-09-28: 09-29, 09-30, then the National Day holiday (10-01 to 10-07) skipped, Sat 10-10
    // counted (a make-up working day): the 30th working day is Fri 11-13, due at its 24:00.
    const agreed = (await act(c.id, { type: 'agreed', amountFen: 1_200_000 })).json();
    expect(agreed.payDueAt).toBe(new Date('2026-11-13T16:00:00Z').toISOString());
    expect((await act(c.id, { type: 'paid', amountFen: 1 })).json().code).toBe('CLAIM_NOT_AGREED');
    const paid = (await act(c.id, { type: 'paid', amountFen: 1_200_000 })).json();
    expect(paid).toMatchObject({ late: false, agreedFen: 1_200_000 });
    expect(paid.events.map((e: Detail) => e.type)).toEqual([
      'opened',
      'insurer_called',
      'loss_counted',
      'parts_kept',
      'assessed_told',
      'agreed',
      'paid',
    ]);
    expect((await act(c.id, { type: 'paid', amountFen: 1_200_000 })).json().code).toBe('CLAIM_PAID');
    // The regulator reads claims across enterprises; another enterprise does not.
    expect(((await w.call('reg', 'GET', '/insurance/claims')).json().items as Detail[]).length).toBe(2);
    expect((await w.call('gas_admin', 'GET', '/insurance/claims')).json().items).toHaveLength(0);
  });
});
