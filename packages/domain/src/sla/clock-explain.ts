// A clock's state in words, in Chinese and English: what started it, where the due comes from, what moved it,
// and how it ended — so a person never has to reverse-engineer a red or green dot.

import type { Messages } from '../errors.ts';
import { formatDue, formatShanghai, toShanghaiDate, yearOf } from '../time/shanghai.ts';
import { explainProvisional } from './explain.ts';
import type { ClockDefinition, ClockResult } from './clock-types.ts';

/** '1天2小时5分钟' / '1 d 2 h 5 min' for a number of minutes (sign ignored). */
export function formatMinutes(minutes: number): Messages {
  const total = Math.abs(minutes);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const zh = `${days ? `${days}天` : ''}${hours ? `${hours}小时` : ''}${mins || total === 0 ? `${mins}分钟` : ''}`;
  const en = [days ? `${days} d` : '', hours ? `${hours} h` : '', mins || total === 0 ? `${mins} min` : '']
    .filter(Boolean)
    .join(' ');
  return { zh, en };
}

export function explainClock(
  result: Omit<ClockResult, 'explanation'>,
  def: ClockDefinition,
  notes: readonly Messages[],
): Messages {
  const head = { zh: `${def.name}（${def.clause}）`, en: `${def.name} (${def.clause})` };
  if (result.state === 'not_started' || !result.startedAt || !result.due || !result.statutory) {
    const starts = typeof def.startOn === 'string' ? def.startOn : def.startOn.join(' / ');
    return {
      zh: `${head.zh}：尚未开始，等待事件 ${starts}。`,
      en: `${head.en}: not started; waits for ${starts}.`,
    };
  }
  const parts: Messages[] = [
    {
      zh: `${head.zh}：${formatShanghai(result.startedAt)} 开始计时。`,
      en: `${head.en}: started ${formatShanghai(result.startedAt)}.`,
    },
    {
      zh: `法定时限：${result.statutory.explanation.zh}`,
      en: `Statutory limit: ${result.statutory.explanation.en}`,
    },
    ...notes,
  ];
  if (result.pauses.length > 0) parts.push(pauseText(result));
  // A pause can carry the due into a provisional year that the statutory count itself did not reach.
  if (result.provisional && !result.statutory.provisional) {
    parts.push(explainProvisional([yearOf(toShanghaiDate(result.due))]));
  }
  parts.push(outcomeText(result as ClockResult & { due: Date }));
  return { zh: parts.map((p) => p.zh).join(''), en: parts.map((p) => p.en).join(' ') };
}

function pauseText(result: Omit<ClockResult, 'explanation'>): Messages {
  const count = result.pauses.length;
  const length = formatMinutes(result.pausedMinutes);
  const due = formatDue(result.due as Date);
  return {
    zh: `暂停 ${count} 次，共 ${length.zh}，暂停时间不计入时限，截止时间相应顺延为 ${due}。`,
    en: `Paused ${count} time${count === 1 ? '' : 's'} for ${length.en} in all; paused time does not count, so the due moves to ${due}.`,
  };
}

function outcomeText(result: Omit<ClockResult, 'explanation'> & { due: Date }): Messages {
  const due = formatDue(result.due);
  const margin = formatMinutes(result.marginMinutes ?? 0);
  const stopped = result.stoppedAt ? formatShanghai(result.stoppedAt) : undefined;
  switch (result.state) {
    case 'met':
      return {
        zh: `已于 ${stopped} 完成，按时（截止 ${due}，余 ${margin.zh}）。`,
        en: `Met: done ${stopped}, before the due ${due} with ${margin.en} to spare.`,
      };
    case 'breached': {
      const late = stopped
        ? { zh: `，${stopped} 才完成，超时 ${margin.zh}`, en: `; done ${stopped}, ${margin.en} late` }
        : { zh: `，至今未完成，已超时 ${margin.zh}`, en: `; still open, ${margin.en} overdue` };
      return {
        zh: `已逾期：时限 ${due} 届满时未完成${late.zh}。逾期结论不会因事后完成而改变。`,
        en: `Breached: not done by the due ${due}${late.en}. A late finish never turns a breach green.`,
      };
    }
    case 'paused':
      return {
        zh: `当前暂停中，截止时间随暂停顺延（现为 ${due}）。`,
        en: `Paused now; the due moves on while paused (now ${due}).`,
      };
    default:
      return {
        zh: `计时中：截止 ${due}，剩余 ${margin.zh}。`,
        en: `Running: due ${due}, ${margin.en} left.`,
      };
  }
}
