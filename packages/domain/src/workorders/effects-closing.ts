// Effects of the events that finish an order: completion, feedback, return visit, responsibility, referral,
// refusal, cancellation and closing. Each returns a new object and never changes the order passed in.

import { domainError } from '../errors.ts';
import { COMPLAINT_RESPONSIBILITIES, complaintCloseProblems } from './complaints.ts';
import { type Effects, notNow, why } from './effect-context.ts';
import { WorkOrderErrorCodes, payloadInvalid, payloadMissing } from './errors.ts';
import {
  optionalText,
  optionalTextList,
  requireInstant,
  requireObject,
  requireOneOf,
  requireText,
} from './payload.ts';
import { SATISFACTIONS } from './states.ts';

/** Categories whose applications can be turned down (G-6.1.3, G-6.2.10, G-9.2.3, H-7.1.3); a leak, a complaint or a question is never "refused". */
const REFUSABLE = new Set([
  'connection',
  'change',
  'installation',
  'repair',
  'suspension',
  'resumption',
  'meter',
]);

export type ClosingEvent =
  | 'completed'
  | 'feedback_given'
  | 'return_visited'
  | 'responsibility_decided'
  | 'supervised'
  | 'referred'
  | 'refused'
  | 'cancelled'
  | 'closed'
  | 'due_recalculated';

export const CLOSING_EFFECTS: Effects<ClosingEvent> = {
  completed: (o, e, c) => {
    if (o.pausedFor) throw notNow(c, why('设计或施工尚未完成', 'design or construction is still under way'));
    const record = requireObject(
      c.place,
      'record',
      e.record,
      why('作业记录（G-5.9.7）', 'the work record (G-5.9.7)'),
    );
    const result = requireText(c.place, 'record.result', record.result, why('处理结果', 'what was done'));
    if (typeof record.onSite !== 'boolean')
      throw payloadMissing(c.place, 'record.onSite', why('是否上门作业', 'whether the work was on site'));
    if (c.fromState === 'on_site' && !record.onSite)
      throw payloadInvalid(
        c.place,
        'record.onSite',
        why('已到场的工单应为上门作业记录', 'the order is on site'),
      );
    const refused = optionalText(c.place, 'record.signatureRefusedReason', record.signatureRefusedReason);
    if (record.onSite && record.signature !== true && !refused) {
      throw payloadMissing(
        c.place,
        'record.signature',
        why(
          '上门作业记录须经用户签字确认，或记录用户拒签原因（G-5.9.7）',
          'an on-site record needs the customer’s signature, or the reason it was refused (G-5.9.7)',
        ),
      );
    }
    const signed = record.onSite && record.signature === true;
    return {
      ...o,
      completion: {
        result,
        onSite: record.onSite,
        ...(signed ? { signature: true } : {}),
        ...(record.onSite && !signed ? { signatureRefusedReason: refused } : {}),
      },
      flags: {
        ...o.flags,
        signatureRefused: record.onSite && !signed,
        firstContactResolution: o.dispatchCount === 0,
      },
    };
  },
  feedback_given: (o, e, c) => {
    const f = requireObject(
      c.place,
      'feedback',
      e.feedback,
      why('信息反馈（G-5.9.8）', 'the feedback (G-5.9.8)'),
    );
    const feedback = {
      staffName: requireText(
        c.place,
        'feedback.staffName',
        f.staffName,
        why('服务人员姓名（G-5.9.8）', 'the staff member’s name (G-5.9.8)'),
      ),
      customer: requireText(
        c.place,
        'feedback.customer',
        f.customer,
        why('用户信息（G-5.9.8）', 'the customer (G-5.9.8)'),
      ),
      handledAt: requireInstant(
        c.place,
        'feedback.handledAt',
        f.handledAt,
        why('处置时间（G-5.9.8）', 'when it was handled (G-5.9.8)'),
      ),
      result: requireText(
        c.place,
        'feedback.result',
        f.result,
        why('处置结果（G-5.9.8）', 'the result (G-5.9.8)'),
      ),
      ...(f.satisfaction === undefined
        ? {}
        : {
            satisfaction: requireOneOf(
              c.place,
              'feedback.satisfaction',
              f.satisfaction,
              SATISFACTIONS,
              why('满意度', 'satisfaction'),
            ),
          }),
    };
    if (!o.complaint) return { ...o, feedback };
    const findings =
      e.findings === undefined
        ? o.complaint.findings
        : {
            facts: optionalText(c.place, 'findings.facts', e.findings.facts) ?? '',
            correctiveMeasures:
              optionalText(c.place, 'findings.correctiveMeasures', e.findings.correctiveMeasures) ?? '',
            accountability: optionalText(c.place, 'findings.accountability', e.findings.accountability) ?? '',
          };
    const explanation =
      e.explanation === undefined
        ? o.complaint.explanation
        : {
            referral: optionalText(c.place, 'explanation.referral', e.explanation.referral),
            policy: optionalText(c.place, 'explanation.policy', e.explanation.policy),
          };
    return { ...o, feedback, complaint: { ...o.complaint, findings, explanation } };
  },
  return_visited: (o, e, c) => ({
    ...o,
    satisfaction: requireOneOf(
      c.place,
      'satisfaction',
      e.satisfaction,
      SATISFACTIONS,
      why('回访结果', 'the return-visit result'),
    ),
  }),
  responsibility_decided: (o, e, c) => {
    if (!o.complaint)
      throw notNow(c, why('只有投诉需要判定有责无责', 'only complaints are judged responsible or not'));
    const responsibility = requireOneOf(
      c.place,
      'responsibility',
      e.responsibility,
      COMPLAINT_RESPONSIBILITIES,
      why('有责、无责或暂不能确定（H-7.4.8）', 'responsible, non-responsible or undecided (H-7.4.8)'),
    );
    return { ...o, complaint: { ...o.complaint, responsibility } };
  },
  // The clocks are derived from the calendar; the order itself does not change.
  due_recalculated: (o) => o,
  supervised: (o, e, c) => {
    requireText(c.place, 'note', e.note, why('督办意见', 'the supervision note'));
    return { ...o, supervisionCount: o.supervisionCount + 1, flags: { ...o.flags, supervised: true } };
  },
  referred: (o, e, c) => {
    const r = requireObject(
      c.place,
      'referral',
      e.referral,
      why('告知用户的办理单位或渠道（G-5.5.2）', 'where the customer should go (G-5.5.2)'),
    );
    const to = requireText(
      c.place,
      'referral.to',
      r.to,
      why('告知用户的办理单位或渠道（G-5.5.2）', 'where the customer should go (G-5.5.2)'),
    );
    const contact = optionalText(c.place, 'referral.contact', r.contact);
    const note = optionalText(c.place, 'referral.note', r.note);
    const referral = { to, ...(contact ? { contact } : {}), ...(note ? { note } : {}) };
    return { ...o, closure: { as: 'referred', at: e.at, by: e.by, referral } };
  },
  refused: (o, e, c) => {
    if (!REFUSABLE.has(c.item.category))
      throw notNow(c, why(`「${c.item.name.zh}」不能不予受理`, `"${c.item.name.en}" cannot be refused`));
    const reason = requireText(
      c.place,
      'reason',
      e.reason,
      why('不予受理须说明理由（G-6.1.3、H-7.1.3）', 'a refusal gives its reason (G-6.1.3, H-7.1.3)'),
    );
    const missingDocuments = optionalTextList(c.place, 'missingDocuments', e.missingDocuments);
    const writtenNoticeRef = c.item.refusalInWriting
      ? requireText(
          c.place,
          'writtenNoticeRef',
          e.writtenNoticeRef,
          why('不受理的应以书面形式说明理由（G-6.2.10）', 'the refusal must be in writing (G-6.2.10)'),
        )
      : optionalText(c.place, 'writtenNoticeRef', e.writtenNoticeRef);
    const closure = {
      as: 'refused' as const,
      at: e.at,
      by: e.by,
      reason,
      ...(missingDocuments ? { missingDocuments } : {}),
      ...(writtenNoticeRef ? { writtenNoticeRef } : {}),
    };
    return { ...o, closure };
  },
  cancelled: (o, e, c) => ({
    ...o,
    closure: {
      as: 'cancelled',
      at: e.at,
      by: e.by,
      reason: requireText(c.place, 'reason', e.reason, why('撤销原因', 'why it is cancelled')),
    },
  }),
  closed: (o, e, c) => {
    if (
      c.fromState === 'feedback_given' &&
      !(c.item.category === 'consultation' && o.flags.firstContactResolution)
    ) {
      // Only an enquiry answered by whoever took it closes without a visit; anything handed on is visited (H-7.6.1.2(4)).
      throw notNow(
        c,
        why('须回访后方可归档（H-7.3.4、H-7.6.1.2）', 'a return visit must come first (H-7.3.4, H-7.6.1.2)'),
      );
    }
    if (o.complaint) {
      const returnVisit =
        c.fromState === 'return_visited' && o.satisfaction ? { satisfaction: o.satisfaction } : undefined;
      const problems = complaintCloseProblems({ ...o.complaint, ...(returnVisit ? { returnVisit } : {}) });
      if (problems.length > 0) {
        throw domainError(
          WorkOrderErrorCodes.COMPLAINT_CLOSE_BLOCKED,
          `投诉尚不能结案：${problems.map((p) => p.messages.zh).join('')}`,
          `The complaint cannot close yet: ${problems.map((p) => p.messages.en).join(' ')}`,
          { problems: problems.map((p) => p.toJSON()) },
        );
      }
    } else if (o.satisfaction === 'dissatisfied') {
      throw notNow(
        c,
        why(
          '回访不满意，应再次派单（H-7.3.4）',
          'the customer was not satisfied: dispatch it again (H-7.3.4)',
        ),
      );
    }
    return { ...o, closure: { as: 'resolved', at: e.at, by: e.by } };
  },
};
