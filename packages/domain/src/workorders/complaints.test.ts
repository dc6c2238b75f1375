// Complaint rules (H-7.4.5–H-7.4.10, H-7.6.5.3, G-5.7.3) on their own and inside the work-order loop.

import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { at, codeOf, thrown } from '../testing/support.ts';
import {
  COMPLAINT_CATEGORIES,
  complaintCloseProblems,
  countsAsResponsible,
  repeatComplaintStatus,
} from './complaints.ts';
import { countsAsReasonable } from './effects-judgement.ts';
import { workOrderEventOptions } from './next-steps.ts';
import { applyWorkOrderEvent } from './transitions.ts';
import { ev, feedbackAt, received, replay } from './testing/events.ts';

const findings = {
  facts: '维修人员未按约定时间上门',
  correctiveMeasures: '调整排班，增加夜间值班',
  accountability: '对责任班组通报批评',
};
const codes = (input: Parameters<typeof complaintCloseProblems>[0]) =>
  complaintCloseProblems(input).map((p) => p.code);

describe('complaint categories and responsibility', () => {
  it('H-7.4.5: the seven service categories, plus the heating quality one (H-7.4.3), each named in Chinese and English', () => {
    expect(Object.keys(COMPLAINT_CATEGORIES)).toHaveLength(8);
    expect(COMPLAINT_CATEGORIES.heating_quality.zh).toContain('室温');
    expect(COMPLAINT_CATEGORIES.repeated_unresolved.zh).toContain('3次以上');
    for (const label of Object.values(COMPLAINT_CATEGORIES)) expect(label.zh && label.en).toBeTruthy();
  });

  it('H-7.4.8: an undecided complaint counts as responsible', () => {
    expect(countsAsResponsible('undecided')).toBe(true);
    expect(countsAsResponsible('responsible')).toBe(true);
    expect(countsAsResponsible('non_responsible')).toBe(false);
    expect(codes({ responsibility: 'undecided', returnVisit: { satisfaction: 'satisfied' } })).toEqual([
      'COMPLAINT_HANDLING_INCOMPLETE',
      'COMPLAINT_HANDLING_INCOMPLETE',
      'COMPLAINT_HANDLING_INCOMPLETE',
    ]);
  });

  it('H-7.4.10.4: a responsible complaint closes only with the facts, corrective measures and accountability', () => {
    const problems = complaintCloseProblems({
      responsibility: 'responsible',
      findings: { ...findings, accountability: ' ' },
      returnVisit: { satisfaction: 'satisfied' },
    });
    expect(problems.map((p) => p.details)).toEqual([{ field: 'accountability', clause: 'H-7.4.10.4' }]);
    expect(
      codes({ responsibility: 'responsible', findings, returnVisit: { satisfaction: 'satisfied' } }),
    ).toEqual([]);
  });

  it('H-7.4.9: a non-responsible complaint needs a referral or the policy explained', () => {
    expect(codes({ responsibility: 'non_responsible', returnVisit: { satisfaction: 'satisfied' } })).toEqual([
      'COMPLAINT_EXPLANATION_MISSING',
    ]);
    expect(
      codes({
        responsibility: 'non_responsible',
        explanation: { policy: '《山东省供热条例》第二十条' },
        returnVisit: { satisfaction: 'satisfied' },
      }),
    ).toEqual([]);
    expect(
      codes({
        responsibility: 'non_responsible',
        explanation: { referral: '物业公司' },
        returnVisit: { satisfaction: 'satisfied' },
      }),
    ).toEqual([]);
  });

  it('H-7.6.5.3: every complaint needs a return visit before it closes', () => {
    expect(codes({ responsibility: 'responsible', findings })).toEqual(['COMPLAINT_RETURN_VISIT_MISSING']);
    expect(codes({ responsibility: 'non_responsible', explanation: { referral: '12345' } })).toEqual([
      'COMPLAINT_RETURN_VISIT_MISSING',
    ]);
  });

  it('H-7.4.10.5: a dissatisfied responsible complaint cannot close; a non-responsible one can', () => {
    expect(
      codes({ responsibility: 'responsible', findings, returnVisit: { satisfaction: 'dissatisfied' } }),
    ).toEqual(['COMPLAINT_NOT_SATISFIED']);
    expect(
      codes({
        responsibility: 'non_responsible',
        explanation: { referral: '物业' },
        returnVisit: { satisfaction: 'dissatisfied' },
      }),
    ).toEqual([]);
  });
});

describe('complaints in the work-order loop', () => {
  const DAY = '2025-12-01';
  const handled = (extra: Record<string, unknown> = {}) => [
    received('heating_service_complaint', `${DAY} 08:00`, { complaintCategory: 'missed_time_limit' }),
    ev('dispatched', `${DAY} 09:00`, { assignee: '客服部' }),
    ev('accepted', `${DAY} 09:30`),
    ev('started', `${DAY} 10:00`),
    ev('completed', `${DAY} 11:00`, { record: { result: '已致歉并重新安排', onSite: false } }),
    ev('feedback_given', `${DAY} 12:00`, feedbackAt(`${DAY} 11:00`, extra)),
  ];

  it('H-7.4.8: a new complaint starts undecided; only the authority (regulator) decides', () => {
    const order = replay(handled());
    expect(order.complaint).toMatchObject({ responsibility: 'undecided', category: 'missed_time_limit' });
    const decision = ev('responsibility_decided', `${DAY} 12:30`, { responsibility: 'non_responsible' });
    expect(codeOf(() => applyWorkOrderEvent(order, decision, 'enterprise_admin'))).toBe('ROLE_NOT_ALLOWED');
    expect(applyWorkOrderEvent(order, decision, 'regulator').complaint?.responsibility).toBe(
      'non_responsible',
    );
    const repair = replay([received('heating_repair', `${DAY} 08:00`)]);
    expect(codeOf(() => applyWorkOrderEvent(repair, decision, 'regulator'))).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('H-7.6.5.3: a complaint cannot close without a return visit, even when answered at first contact', () => {
    expect(codeOf(() => replay([...handled({ findings }), ev('closed', `${DAY} 13:00`)]))).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
  });

  it('H-7.4.8 / H-7.4.10.4: an undecided complaint closes only with its findings reported', () => {
    const visited = (extra: Record<string, unknown>) => [
      ...handled(extra),
      ev('return_visited', `${DAY} 14:00`, { satisfaction: 'satisfied' }),
    ];
    const error = thrown(() => replay([...visited({}), ev('closed', `${DAY} 15:00`)]));
    expect(isDomainError(error, 'COMPLAINT_CLOSE_BLOCKED')).toBe(true);
    expect((error as Error).message).toContain('H-7.4.10.4');
    expect(replay([...visited({ findings }), ev('closed', `${DAY} 15:00`)]).closure?.as).toBe('resolved');
  });

  it('H-7.4.9: a non-responsible complaint closes with its explanation, even over a dissatisfied visit', () => {
    const events = [
      ...handled({ explanation: { policy: '供热期由市政府确定（H-5.2）' } }),
      ev('responsibility_decided', `${DAY} 12:30`, { responsibility: 'non_responsible' }),
      ev('return_visited', `${DAY} 14:00`, { satisfaction: 'dissatisfied' }),
      ev('closed', `${DAY} 15:00`),
    ];
    expect(replay(events)).toMatchObject({
      state: 'closed',
      satisfaction: 'dissatisfied',
      complaint: { responsibility: 'non_responsible' },
    });
  });
});

describe('repeat complaints', () => {
  const now = at('2025-12-10 09:00');

  it('G-5.7.3: a repeat complainant is told the solution and a contact', () => {
    const status = repeatComplaintStatus([{ at: at('2025-12-01 09:00') }], now);
    expect(status).toMatchObject({
      priorReports: 1,
      unresolvedReports: 2,
      repeatComplainant: true,
      repeatedUnresolved: false,
    });
    expect(status.obligations[0]?.zh).toContain('G-5.7.3');
    expect(repeatComplaintStatus([], now)).toMatchObject({ repeatComplainant: false, obligations: [] });
  });

  it('H-7.4.5: the third unresolved report of the same matter is flagged "reported 3 or more times"', () => {
    const status = repeatComplaintStatus(
      [{ at: at('2025-12-01 09:00') }, { at: at('2025-12-05 09:00') }],
      now,
    );
    expect(status).toMatchObject({ unresolvedReports: 3, repeatedUnresolved: true });
    expect(status.obligations.map((o) => o.en).join(' ')).toContain('H-7.4.5');
  });

  it('H-7.4.5: a resolution restarts the count; reports after `now` are ignored', () => {
    const reports = [
      { at: at('2025-11-20 09:00'), resolvedAt: at('2025-11-25 09:00') },
      { at: at('2025-11-22 09:00') },
      { at: at('2025-12-01 09:00') },
      { at: at('2025-12-20 09:00') },
    ];
    expect(repeatComplaintStatus(reports, now)).toMatchObject({
      priorReports: 3,
      unresolvedReports: 2,
      repeatedUnresolved: false,
    });
  });
});

describe('reasonable complaints (H-10.4)', () => {
  const DAY = '2025-12-02';
  const complaint = received('heating_service_complaint', `${DAY} 08:00`, { complaintCategory: 'attitude' });
  const judged = (payload: Record<string, unknown>) => ev('complaint_judged', `${DAY} 09:00`, payload);

  it('H-10.4.1, H-10.4.2: the heating company judges a complaint reasonable or not with its basis; unjudged counts as reasonable', () => {
    const order = replay([complaint]);
    expect(countsAsReasonable(order.complaint?.judgement)).toBe(true);
    const yes = applyWorkOrderEvent(
      order,
      judged({ reasonable: true, basis: '供热合同第六条' }),
      'dispatcher',
    );
    expect(yes.complaint?.judgement).toMatchObject({ reasonable: true, basis: '供热合同第六条' });
    expect(countsAsReasonable(yes.complaint?.judgement)).toBe(true);
    // A judgement without its basis is refused, and so is one from a role that does not handle complaints.
    expect(codeOf(() => applyWorkOrderEvent(order, judged({ reasonable: true }), 'dispatcher'))).toBe(
      'PAYLOAD_MISSING',
    );
    expect(
      codeOf(() => applyWorkOrderEvent(order, judged({ reasonable: true, basis: '合同' }), 'technician')),
    ).toBe('ROLE_NOT_ALLOWED');
  });

  it('H-10.4.4: an unreasonable complaint needs the reason it is answered with, and is left out of the rates', () => {
    const order = replay([complaint]);
    expect(
      codeOf(() =>
        applyWorkOrderEvent(order, judged({ reasonable: false, basis: '山东省供热条例' }), 'dispatcher'),
      ),
    ).toBe('PAYLOAD_MISSING');
    const no = applyWorkOrderEvent(
      order,
      judged({
        reasonable: false,
        basis: '山东省供热条例第三十条',
        reason: '诉求为延长供热期，超出合同约定',
      }),
      'enterprise_admin',
    );
    expect(no.complaint?.judgement).toMatchObject({
      reasonable: false,
      reason: '诉求为延长供热期，超出合同约定',
    });
    expect(countsAsReasonable(no.complaint?.judgement)).toBe(false);
  });

  it('H-10.4: only heating complaints are judged reasonable or not, and only they offer the judgement', () => {
    const heating = replay([complaint]);
    expect(workOrderEventOptions(heating, [complaint], 'dispatcher').allowed).toContain('complaint_judged');
    const gas = replay([received('gas_complaint', `${DAY} 08:00`, { complaintCategory: 'attitude' })]);
    expect(
      codeOf(() => applyWorkOrderEvent(gas, judged({ reasonable: true, basis: '合同' }), 'dispatcher')),
    ).toBe('TRANSITION_NOT_ALLOWED');
    const repairLog = [received('heating_repair', `${DAY} 08:00`)];
    const repair = replay(repairLog);
    expect(
      codeOf(() => applyWorkOrderEvent(repair, judged({ reasonable: true, basis: '合同' }), 'dispatcher')),
    ).toBe('TRANSITION_NOT_ALLOWED');
    expect(workOrderEventOptions(repair, repairLog, 'dispatcher').allowed).not.toContain('complaint_judged');
    expect(workOrderEventOptions(gas, [], 'dispatcher').allowed).not.toContain('complaint_judged');
  });
});
