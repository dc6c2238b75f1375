// Tells a person why a deadline is what it is, in Chinese and English, e.g. "5 working days, skipping the
// National Day holiday 10-01 to 10-07, and counting Saturday 10-10, a make-up working day" (time-rules.md).

import type { Messages } from '../errors.ts';
import type { DayInfo } from '../calendar/types.ts';
import { daysBetween, formatDue, formatShanghai, weekdayName, yearOf } from '../time/shanghai.ts';
import type { DateString } from '../time/shanghai.ts';
import { describeLimit } from './limit.ts';
import type { Limit } from './limit.ts';

interface DeadlineFacts {
  start: Date;
  startDate: DateString;
  limit: Limit;
  due: Date;
  lastDay?: DateString;
  nominalLastDay?: DateString;
}

const TZ = { zh: '（北京时间）', en: ' (Asia/Shanghai)' };

/** A run of consecutive skipped days with the same reason and name. */
interface DayRange {
  from: DateString;
  to: DateString;
  info: DayInfo;
}

export function groupRanges(days: readonly DayInfo[]): DayRange[] {
  const ranges: DayRange[] = [];
  for (const info of days) {
    const last = ranges[ranges.length - 1];
    if (last && sameKind(last.info, info) && isNextDay(last.to, info.date)) last.to = info.date;
    else ranges.push({ from: info.date, to: info.date, info });
  }
  return ranges;
}

function sameKind(a: DayInfo, b: DayInfo): boolean {
  return a.reason === b.reason && a.name?.zh === b.name?.zh && a.name?.en === b.name?.en;
}

function isNextDay(previous: DateString, next: DateString): boolean {
  return daysBetween(previous, next) === 1;
}

/** 'MM-DD' when the day is in the reference year, 'YYYY-MM-DD' otherwise. */
function short(date: DateString, referenceYear: number): string {
  return yearOf(date) === referenceYear ? date.slice(5) : date;
}

function rangeText(range: DayRange, year: number): Messages {
  const from = short(range.from, year);
  const to = short(range.to, year);
  const span =
    range.from === range.to ? { zh: from, en: from } : { zh: `${from}至${to}`, en: `${from} to ${to}` };
  const name = range.info.name ?? { zh: '', en: '' };
  if (range.info.reason === 'override_rest') {
    return {
      zh: `管理员调整的休息日 ${span.zh}（${name.zh}）`,
      en: `the rest day set by the administrator ${span.en} (${name.en})`,
    };
  }
  return { zh: `${name.zh}假期 ${span.zh}`, en: `the ${name.en} holiday ${span.en}` };
}

/** "the National Day holiday 10-01 to 10-08 and 2 weekend days" — holidays named, weekends counted. */
export function describeSkipped(skipped: readonly DayInfo[], year: number): Messages | undefined {
  const named = groupRanges(skipped.filter((d) => d.reason !== 'weekend')).map((r) => rangeText(r, year));
  const weekends = skipped.filter((d) => d.reason === 'weekend').length;
  const parts = [...named];
  if (weekends > 0) {
    parts.push({ zh: `${weekends}个周末休息日`, en: `${weekends} weekend day${weekends === 1 ? '' : 's'}` });
  }
  if (parts.length === 0) return undefined;
  return {
    zh: joinList(
      parts.map((p) => p.zh),
      '、',
      '及',
    ),
    en: joinList(
      parts.map((p) => p.en),
      ', ',
      ' and ',
    ),
  };
}

/** "Saturday 10-11, a make-up working day" for each counted weekend day. */
export function describeCountedWeekendWork(counted: readonly DayInfo[], year: number): Messages | undefined {
  const special = counted.filter((d) => d.reason === 'makeup_workday' || d.reason === 'override_work');
  if (special.length === 0) return undefined;
  const parts = special.map((d) => {
    const day = weekdayName(d.date);
    const date = short(d.date, year);
    return d.reason === 'makeup_workday'
      ? {
          zh: `${date}（${day.zh}，${d.name?.zh ?? ''}调休上班日）`,
          en: `${day.en} ${date}, a make-up working day`,
        }
      : {
          zh: `${date}（${day.zh}，管理员调整的工作日：${d.name?.zh ?? ''}）`,
          en: `${day.en} ${date}, a working day set by the administrator (${d.name?.en ?? ''})`,
        };
  });
  return {
    zh: joinList(
      parts.map((p) => p.zh),
      '、',
      '及',
    ),
    en: joinList(
      parts.map((p) => p.en),
      ', ',
      ' and ',
    ),
  };
}

function joinList(items: readonly string[], separator: string, lastSeparator: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(separator)}${lastSeparator}${items[items.length - 1] as string}`;
}

export function explainWorkingDays(
  facts: DeadlineFacts,
  counted: readonly DayInfo[],
  skipped: readonly DayInfo[],
): Messages {
  const year = yearOf(facts.startDate);
  const limit = describeLimit(facts.limit);
  const first = counted[0]?.date ?? facts.startDate;
  const range = {
    zh: `${short(first, year)}至${short(facts.lastDay ?? first, year)}`,
    en: `${short(first, year)} to ${short(facts.lastDay ?? first, year)}`,
  };
  const skip = describeSkipped(skipped, year);
  const extra = describeCountedWeekendWork(counted, year);
  const due = formatDue(facts.due);
  return {
    zh:
      `自 ${facts.startDate} 起算 ${limit.zh}（起始当日不计），计入 ${range.zh}` +
      (skip ? `，跳过${skip.zh}` : '') +
      (extra ? `，其中${extra.zh}计为工作日` : '') +
      `；截止 ${due}${TZ.zh}。`,
    en:
      `${limit.en} from ${facts.startDate} (the first day does not count), counting ${range.en}` +
      (skip ? `, skipping ${skip.en}` : '') +
      (extra ? `, and counting ${extra.en}` : '') +
      `; due ${due}${TZ.en}.`,
  };
}

export function explainCalendarDays(facts: DeadlineFacts, skipped: readonly DayInfo[]): Messages {
  const year = yearOf(facts.startDate);
  const limit = describeLimit(facts.limit);
  const due = formatDue(facts.due);
  const nominal = facts.nominalLastDay ?? facts.startDate;
  const head = {
    zh: `自 ${facts.startDate} 起算 ${limit.zh}（起始当日不计），期间最后一日为 ${nominal}`,
    en: `${limit.en} from ${facts.startDate} (the first day does not count) end on ${nominal}`,
  };
  const skip = describeSkipped(skipped, year);
  if (!skip) return { zh: `${head.zh}；截止 ${due}${TZ.zh}。`, en: `${head.en}; due ${due}${TZ.en}.` };
  const moved = facts.lastDay ?? nominal;
  return {
    zh: `${head.zh}，该日为休息日（${skip.zh}），顺延至其后第一个工作日 ${moved}；截止 ${due}${TZ.zh}。`,
    en: `${head.en}, a rest day (${skip.en}), so the period ends on the next working day, ${moved}; due ${due}${TZ.en}.`,
  };
}

export function explainHours(facts: DeadlineFacts): Messages {
  const limit = describeLimit(facts.limit);
  const start = formatShanghai(facts.start);
  const due = formatShanghai(facts.due);
  return {
    zh: `自 ${start} 起连续计时 ${limit.zh}（24小时值守，节假日不停止计时）；截止 ${due}${TZ.zh}。`,
    en: `${limit.en} of elapsed time from ${start}, around the clock (holidays do not stop it); due ${due}${TZ.en}.`,
  };
}

/** Why a deadline may still move: a year it counted has no State Council notice yet. */
export function explainProvisional(years: readonly number[]): Messages {
  const list = { zh: years.join('、'), en: years.join(', ') };
  return {
    zh:
      `其中 ${list.zh} 年的国务院放假通知尚未导入，该年节假日暂按《全国年节及纪念日放假办法》推算（不含调休上班日），` +
      `此截止时间为暂定，通知导入后可能调整。`,
    en:
      `The State Council's holiday notice for ${list.en} has not been imported yet, so that year's days off are ` +
      `taken provisionally from the national holiday law (without make-up working days): this due date is ` +
      `provisional and may move when the notice is imported.`,
  };
}
