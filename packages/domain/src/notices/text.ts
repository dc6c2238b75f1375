// The words sent to each household: every field the clause lists, in Chinese with an English copy.

import type { Messages } from '../errors.ts';
import { formatShanghai } from '../time/shanghai.ts';
import { NOTICE_KIND_LABELS } from './types.ts';
import type { NoticeDraft } from './types.ts';

export type NoticeOccasion = 'initial' | 'revision' | 'overrun' | 'restored';

export interface NoticeText {
  subject: string;
  body: Messages;
}

const t = (d: Date | null) => (d ? formatShanghai(d) : '—');

/** The message of one notice for one occasion (first publication, a revision, an overrun, the restore). */
export function noticeText(
  d: NoticeDraft,
  ctx: { enterpriseName: string; clause: string; occasion: NoticeOccasion; revision: number; at?: Date },
): NoticeText {
  const label = NOTICE_KIND_LABELS[d.kind];
  const area = d.communities.join('、');
  const lines: Messages[] = [];
  const add = (zh: string, en: string, when = true) => {
    if (when) lines.push({ zh, en });
  };
  const prefix: Record<NoticeOccasion, Messages> = {
    initial: { zh: '', en: '' },
    revision: { zh: `【更新第${ctx.revision}版】`, en: `[Update, revision ${ctx.revision}] ` },
    overrun: { zh: '【超时未恢复，再次通知】', en: '[Not restored on time — second notice] ' },
    restored: { zh: '【已恢复】', en: '[Restored] ' },
  };
  if (d.kind === 'filling' || d.kind === 'commissioning') {
    add(`时间：${t(d.startsAt)}`, `Time: ${t(d.startsAt)}`);
    add(`小区：${area}`, `Communities: ${area}`);
    add(
      `片区负责人：${d.managerName}，电话 ${d.managerPhone}`,
      `Area manager: ${d.managerName}, ${d.managerPhone}`,
    );
  } else {
    add(`原因：${d.cause}`, `Cause: ${d.cause}`);
    add(`范围：${area}`, `Area: ${area}`);
    add(`抢修路段：${d.repairSection}`, `Repair section: ${d.repairSection}`, d.repairSection !== '');
    add(`开始时间：${t(d.startsAt)}`, `Started: ${t(d.startsAt)}`);
    add(`预计恢复：${t(d.expectedRestoreAt)}`, `Expected restore: ${t(d.expectedRestoreAt)}`);
    add(`安全提示：${d.safetyAdvice}`, `Safety: ${d.safetyAdvice}`, d.safetyAdvice !== '');
    add(
      `联系人：${d.managerName} ${d.managerPhone}`,
      `Contact: ${d.managerName} ${d.managerPhone}`,
      d.managerName !== '' || d.managerPhone !== '',
    );
    if (ctx.occasion === 'overrun') {
      add(
        '抢修仍在进行，恢复时间已超过预计，我们将尽快告知新的恢复时间，敬请谅解。',
        'Repairs are still under way past the expected time; we will tell you the new restore time as soon as we can.',
      );
    }
    if (ctx.occasion === 'restored' && ctx.at) {
      add(`已于 ${t(ctx.at)} 恢复。`, `Restored at ${t(ctx.at)}.`);
    }
  }
  const p = prefix[ctx.occasion];
  return {
    subject: `${p.zh}${ctx.enterpriseName}${label.zh}：${d.title}`,
    body: {
      zh: `${p.zh}${ctx.enterpriseName}${label.zh}（${ctx.clause}）：${d.title}。${lines.map((l) => l.zh).join('；')}。`,
      en: `${p.en}${ctx.enterpriseName} — ${label.en} (${ctx.clause}): ${d.title}. ${lines.map((l) => l.en).join('; ')}.`,
    },
  };
}

/**
 * H-7.3.7: when the heat source or the network stops the supply, the hotline apologises and gives the expected
 * restore time. What the agent reads to a caller whose community a current notice covers.
 */
export function callerScript(d: NoticeDraft): Messages {
  const area = d.communities.join('、');
  if (d.kind === 'filling' || d.kind === 'commissioning') {
    const what =
      d.kind === 'filling'
        ? { zh: '供热管网注水', en: 'filling the network' }
        : { zh: '充水调试', en: 'commissioning' };
    return {
      zh: `您好，${area}自 ${t(d.startsAt)} 起进行${what.zh}，片区负责人${d.managerName}，联系电话 ${d.managerPhone}。调试期间请配合检查自家供热设施。`,
      en: `Hello — ${area}: ${what.en} from ${t(d.startsAt)}; area manager ${d.managerName}, ${d.managerPhone}. Please check your own heating fittings during commissioning.`,
    };
  }
  const supply = d.sector === 'gas' ? { zh: '供气', en: 'gas supply' } : { zh: '供热', en: 'heating' };
  const section = d.repairSection
    ? { zh: `，抢修路段为${d.repairSection}`, en: `; repairs at ${d.repairSection}` }
    : { zh: '', en: '' };
  return {
    zh: `非常抱歉！因${d.cause}，${area}暂停${supply.zh}${section.zh}，预计 ${t(d.expectedRestoreAt)} 恢复${supply.zh}。给您带来不便，敬请谅解。`,
    en: `We are very sorry: because of ${d.cause}, ${supply.en} to ${area} is interrupted${section.en}; it is expected back at ${t(d.expectedRestoreAt)}. We apologise for the inconvenience.`,
  };
}
