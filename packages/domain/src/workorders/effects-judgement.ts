// H-10.4.1, H-10.4.2, H-10.4.4: a heating complaint is judged within the heating contract and the law. A reasonable
// one is handled and counted in the complaint rates (H-10.5.4, H-10.5.5); an unreasonable one is answered at once
// with its reason and basis and reported to the city's 12345 unit, and is left out of those rates.

import type { Effects } from './effect-context.ts';
import { notNow, why } from './effect-context.ts';
import { payloadMissing } from './errors.ts';
import { requireText } from './payload.ts';

export type JudgementEvent = 'complaint_judged';

export const JUDGEMENT_EFFECTS: Effects<JudgementEvent> = {
  complaint_judged: (o, e, c) => {
    if (!o.complaint)
      throw notNow(c, why('只有投诉需要判定是否合理', 'only complaints are judged reasonable or not'));
    if (c.item.sector !== 'heating')
      throw notNow(
        c,
        why(
          '合理投诉的判定只适用于供热投诉（H-10.4）',
          'only heating complaints are judged reasonable or not (H-10.4)',
        ),
      );
    if (typeof e.reasonable !== 'boolean')
      throw payloadMissing(
        c.place,
        'reasonable',
        why(
          '是否为合理投诉（H-10.4.1、H-10.4.2）',
          'whether the complaint is reasonable (H-10.4.1, H-10.4.2)',
        ),
      );
    const basis = requireText(
      c.place,
      'basis',
      e.basis,
      why('判定依据（供热合同条款或法规）', 'the basis (the heating contract or the law)'),
    );
    const reason = e.reasonable
      ? undefined
      : requireText(
          c.place,
          'reason',
          e.reason,
          why(
            '不合理的原因，将答复用户并报备 12345（H-10.4.4）',
            'why it is unreasonable, told to the customer and to 12345 (H-10.4.4)',
          ),
        );
    const judgement = { reasonable: e.reasonable, basis, ...(reason ? { reason } : {}), at: e.at, by: e.by };
    return { ...o, complaint: { ...o.complaint, judgement } };
  },
};

/** A complaint counts in the heating complaint rates unless it was judged unreasonable (H-10.4.1, H-10.5.4). */
export function countsAsReasonable(judgement: { reasonable: boolean } | undefined): boolean {
  return judgement?.reasonable !== false;
}
