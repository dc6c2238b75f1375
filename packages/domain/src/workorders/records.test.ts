// Records the standards ask for (G-5.9.7, G-5.9.8, G-5.5.2, G-6.2.13, G-6.2.10) and first-responder ownership
// (G-5.5.1, H-7.6.1.2), as the work-order events enforce them.

import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { codeOf, thrown } from '../testing/support.ts';
import type { WorkOrderEvent } from './events.ts';
import { replayWorkOrder } from './replay.ts';
import { ev, entry, feedbackAt, received, replay, signedRecord } from './testing/events.ts';
import { applyWorkOrderEvent } from './transitions.ts';

const DAY = '2025-12-01';

describe('records the standards ask for', () => {
  const onSite = [
    received('heating_repair', `${DAY} 08:00`),
    ev('dispatched', `${DAY} 09:00`, { assignee: 'a' }),
    ev('accepted', `${DAY} 09:10`),
    ev('arrived_on_site', `${DAY} 10:00`),
  ];

  it("G-5.9.7: an on-site record needs the customer's signature or the reason there is none", () => {
    const error = thrown(() =>
      replay([...onSite, ev('completed', `${DAY} 11:00`, { record: { result: '已修复', onSite: true } })]),
    );
    expect(isDomainError(error, 'PAYLOAD_MISSING')).toBe(true);
    expect((error as Error).message).toContain('record.signature');
    const refused = replay([
      ...onSite,
      ev('completed', `${DAY} 11:00`, {
        record: { result: '已修复', onSite: true, signatureRefusedReason: '用户拒绝签字' },
      }),
    ]);
    expect(refused).toMatchObject({
      state: 'completed',
      flags: { signatureRefused: true },
      completion: { signatureRefusedReason: '用户拒绝签字' },
    });
    expect(replay([...onSite, ev('completed', `${DAY} 11:00`, signedRecord)]).completion).toEqual({
      result: '已处理',
      onSite: true,
      signature: true,
    });
    expect(
      codeOf(() =>
        replay([...onSite, ev('completed', `${DAY} 11:00`, { record: { result: 'x', onSite: false } })]),
      ),
    ).toBe('PAYLOAD_INVALID');
  });

  it('G-5.9.8: feedback needs the staff name, the customer, the handling time and the result', () => {
    const done = [...onSite, ev('completed', `${DAY} 11:00`, signedRecord)];
    for (const field of ['staffName', 'customer', 'handledAt', 'result'] as const) {
      const feedback = { ...feedbackAt(`${DAY} 11:00`).feedback, [field]: undefined };
      const error = thrown(() => replay([...done, ev('feedback_given', `${DAY} 12:00`, { feedback })]));
      expect(isDomainError(error, 'PAYLOAD_MISSING')).toBe(true);
      expect((error as Error).message).toContain(`feedback.${field}`);
    }
    expect(
      replay([...done, ev('feedback_given', `${DAY} 12:00`, feedbackAt(`${DAY} 11:00`))]).feedback?.staffName,
    ).toBe('王海涛');
  });

  it('G-6.2.13: a leak report records that the customer was told what to do at once', () => {
    expect(codeOf(() => replay([received('gas_indoor_leak', `${DAY} 08:00`)]))).toBe('PAYLOAD_MISSING');
    expect(
      replay([received('gas_indoor_leak', `${DAY} 08:00`, { safetyAdviceGiven: true })]).flags
        .safetyAdviceGiven,
    ).toBe(true);
  });

  it('G-5.5.2: a matter outside the company is closed with a referral', () => {
    const order = replay([
      received('referral', `${DAY} 08:00`, { summary: '小区电梯故障' }),
      ev('referred', `${DAY} 08:03`, { referral: { to: '物业公司', contact: '0533-1234567' } }),
    ]);
    expect(order).toMatchObject({
      state: 'closed',
      closure: { as: 'referred', referral: { to: '物业公司', contact: '0533-1234567' } },
    });
    expect(
      codeOf(() =>
        replay([received('referral', `${DAY} 08:00`), ev('referred', `${DAY} 08:03`, { referral: {} })]),
      ),
    ).toBe('PAYLOAD_MISSING');
  });

  it('G-6.2.10: a refused facility change needs the written notice; H-7.1.4.1 lists the missing documents at once', () => {
    const start = [received('gas_facility_change', `${DAY} 08:00`)];
    expect(
      codeOf(() => replay([...start, ev('refused', `${DAY} 09:00`, { reason: '迁移位置不符合安全间距' })])),
    ).toBe('PAYLOAD_MISSING');
    expect(
      replay([
        ...start,
        ev('refused', `${DAY} 09:00`, { reason: '不符合安全间距', writtenNoticeRef: 'GZ-2025-001' }),
      ]).closure,
    ).toMatchObject({ as: 'refused', writtenNoticeRef: 'GZ-2025-001' });
    const heating = replay([
      received('heating_connection', `${DAY} 08:00`),
      ev('refused', `${DAY} 08:10`, { reason: '材料不全', missingDocuments: ['房产证明', '身份证'] }),
    ]);
    expect(heating.closure?.missingDocuments).toEqual(['房产证明', '身份证']);
    expect(
      codeOf(() =>
        replay([received('gas_complaint', `${DAY} 08:00`), ev('refused', `${DAY} 09:00`, { reason: 'x' })]),
      ),
    ).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('G-6.1.2: design and construction are recorded only on connections, and must finish before completion', () => {
    const conn = [
      received('gas_connection', `${DAY} 08:00`),
      ev('dispatched', `${DAY} 09:00`, { assignee: '工程部' }),
      ev('accepted', `${DAY} 09:10`),
      ev('design_started', `${DAY} 10:00`),
    ];
    expect(replay(conn).pausedFor).toBe('design');
    expect(codeOf(() => replay([...conn, ev('completed', `${DAY} 11:00`, signedRecord)]))).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
    expect(codeOf(() => replay([...conn, ev('construction_finished', `${DAY} 11:00`)]))).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
    expect(replay([...conn, ev('design_finished', `${DAY} 11:00`)]).pausedFor).toBeUndefined();
    const repair = [
      received('heating_repair', `${DAY} 08:00`),
      ev('dispatched', `${DAY} 09:00`, { assignee: 'a' }),
      ev('accepted', `${DAY} 09:10`),
    ];
    expect(codeOf(() => replay([...repair, ev('design_started', `${DAY} 10:00`)]))).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
  });
});

describe('first-responder ownership (首问负责制)', () => {
  it('G-5.5.1: whoever receives the order owns it until it is handed over with a time limit', () => {
    const start = [
      received('heating_repair', `${DAY} 08:00`),
      ev('dispatched', `${DAY} 09:00`, { assignee: '维修一班' }),
    ];
    expect(replay(start)).toMatchObject({ owner: 'agent-1', assignee: '维修一班' });
    const handed = replay([
      ...start,
      ev('handed_over', `${DAY} 17:00`, {
        to: 'agent-2',
        dueBy: new Date(Date.parse('2025-12-02T10:00:00+08:00')),
      }),
    ]);
    expect(handed).toMatchObject({ owner: 'agent-2' });
    expect(handed.ownerDueBy?.toISOString()).toBe('2025-12-02T02:00:00.000Z');
    expect(codeOf(() => replay([...start, ev('handed_over', `${DAY} 17:00`, { to: 'agent-2' })]))).toBe(
      'PAYLOAD_MISSING',
    );
  });

  it('G-5.5.1: another agent cannot hand over an order he does not own', () => {
    const order = replay([received('heating_repair', `${DAY} 08:00`)]);
    const intruder = {
      ...ev('handed_over', `${DAY} 09:00`, {
        to: 'agent-3',
        dueBy: new Date(Date.parse('2025-12-02T10:00:00+08:00')),
      }),
      by: 'agent-9',
    } as WorkOrderEvent;
    expect(codeOf(() => applyWorkOrderEvent(order, intruder, 'agent'))).toBe('ROLE_NOT_ALLOWED');
    expect(applyWorkOrderEvent(order, intruder, 'dispatcher').owner).toBe('agent-3');
  });

  it("H-7.6.1.2: a resident's own request is owned by the first staff member who acts on it", () => {
    const order = replayWorkOrder([
      entry(received('heating_repair', `${DAY} 08:00`, { channel: 'app' }), 'resident'),
      entry({ ...ev('dispatched', `${DAY} 09:00`, { assignee: 'a' }), by: 'dispatcher-7' } as WorkOrderEvent),
    ]);
    expect(order.owner).toBe('dispatcher-7');
  });
});
