import fs from 'node:fs';
import { buildCalendar, computeDeadline, formatDue, type CalendarOverride } from '@ranre/domain';
import { z } from 'zod';
import { toShanghaiIso } from '../core/format.ts';
import { packagedCalendarData } from '../modules/platform/calendar/base-data.ts';
import { ZHolidayCnYear } from '../modules/platform/calendar/calendar.schemas.ts';
import { CliError } from './errors.ts';

const ZStart = z.iso.datetime({ offset: true });

/**
 * `ranre due <start> <limit> [--calendar notice.json ...]`: the deadline engine on the packaged holiday data,
 * plus any year notices given as files (holiday-cn format). It reads no database, so it can run beside a server.
 */
export function runDue(start: string, limit: string, calendarFiles: string[] = []): Record<string, unknown> {
  if (!ZStart.safeParse(start).success) {
    throw new CliError(
      `开始时间须为带时区的 ISO 8601，例如 2026-09-30T10:00:00+08:00 / start must be ISO 8601 with an offset, e.g. 2026-09-30T10:00:00+08:00: ${JSON.stringify(start)}`,
    );
  }
  const overrides: CalendarOverride[] = [];
  const years: number[] = [];
  for (const file of calendarFiles) {
    const notice = ZHolidayCnYear.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!notice.success)
      throw new CliError(`日历文件格式错误 / bad calendar file ${file}: ${notice.error.issues[0]?.message}`);
    years.push(notice.data.year);
    for (const d of notice.data.days)
      overrides.push({ date: d.date, kind: d.isOffDay ? 'rest' : 'work', note: d.name });
  }
  const calendar = buildCalendar(packagedCalendarData(), overrides, { extraKnownYears: years });
  const d = computeDeadline(new Date(start), limit, calendar);
  return {
    start: toShanghaiIso(d.start),
    limit,
    unit: d.unit,
    due: toShanghaiIso(d.due),
    dueText: formatDue(d.due),
    explanation: d.explanation.zh,
    explanationEn: d.explanation.en,
    skipped: d.skipped.map((s) => s.date),
  };
}
