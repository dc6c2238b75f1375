import {
  addDays,
  buildCalendar,
  computeDeadline,
  formatDue,
  toShanghaiDate,
  yearOf,
  type CalendarData,
  type CalendarOverride,
  type DayName,
  type Deadline,
  type WorkCalendar,
} from '@ranre/domain';
import type { Database, Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import { appError } from '../../../core/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { packagedCalendarData, provisionalYearFromLaw, type HolidayCnYear } from './base-data.ts';
import * as repo from './calendar.repository.ts';

/** Cached calendars are rebuilt at least this often, so other server processes see an administrator's edits. */
const CACHE_MS = 60_000;
/** From this month on, next year's notice is awaited (it usually appears in October–November). */
const NOTICE_AWAITED_FROM_MONTH = 11;

/**
 * The working calendar: packaged State Council data plus the administrator's overrides and imported years; a later
 * year with no notice yet is reckoned provisionally from the holiday law (never refused while lunar data exists).
 */
export class CalendarService {
  private cached: { at: number; calendar: WorkCalendar } | null = null;

  constructor(
    private readonly database: Database,
    private readonly now: () => Date,
    private readonly base: CalendarData = packagedCalendarData(),
    private readonly provisionalYear: (
      year: number,
    ) => Record<string, DayName> | null = provisionalYearFromLaw,
  ) {}

  async current(): Promise<WorkCalendar> {
    const t = this.now().getTime();
    if (this.cached && t - this.cached.at < CACHE_MS) return this.cached.calendar;
    const calendar = await this.build(this.database.db);
    this.cached = { at: t, calendar };
    return calendar;
  }

  /** The calendar as stored in `db` (inside a transaction: as that transaction sees it). */
  private async build(db: Db): Promise<WorkCalendar> {
    const [overrides, years] = await Promise.all([repo.listOverrides(db), repo.listDeclaredYears(db)]);
    return buildCalendar(
      this.base,
      overrides.map((o): CalendarOverride => ({
        date: o.date,
        kind: o.kind as 'rest' | 'work',
        note: o.note,
      })),
      { extraKnownYears: years.map((y) => y.year), provisionalYear: this.provisionalYear },
    );
  }

  private invalidate() {
    this.cached = null;
  }

  /**
   * Whether this year's and next year's notices are in. From 1 November (and whenever this year itself is still
   * provisional) a missing notice is an alert for the administrators and the regulator.
   */
  async status() {
    const now = this.now();
    const today = toShanghaiDate(now);
    const year = yearOf(today);
    const cal = await this.current();
    const years = [year, year + 1].map((y) => ({
      year: y,
      notice: cal.isKnownYear(y)
        ? ('in' as const)
        : cal.isProvisionalYear(y)
          ? ('provisional' as const)
          : ('none' as const),
    }));
    const awaited = years.filter(
      (y, i) => y.notice !== 'in' && (i === 0 || Number(today.slice(5, 7)) >= NOTICE_AWAITED_FROM_MONTH),
    );
    const alert =
      awaited.length === 0
        ? null
        : {
            zh:
              `${awaited.map((y) => y.year).join('、')} 年的国务院放假通知尚未导入：涉及该年的工作日时限暂按` +
              `《全国年节及纪念日放假办法》推算并标为“暂定”。通知发布后请在“工作日历”页导入，未结工单的时限将自动重算。`,
            en:
              `The State Council holiday notice for ${awaited.map((y) => y.year).join(', ')} is not imported: ` +
              `working-day deadlines that reach it are reckoned from the holiday law and marked provisional. Import ` +
              `the notice on the Working calendar page when it is published; open orders' deadlines are then recomputed.`,
          };
    return { today, knownYears: [...cal.knownYears], years, alert };
  }

  async yearView(year: number) {
    const cal = await this.current();
    if (!cal.isKnownYear(year) && !cal.isProvisionalYear(year)) {
      // Let the domain say it, in both languages, with the known range.
      cal.dayInfo(`${year}-01-01`);
    }
    const days = [];
    for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) days.push(cal.dayInfo(d));
    const known = cal.knownYears;
    return {
      year,
      knownYears: { from: known[0]!, to: known.at(-1)! },
      provisional: cal.isProvisionalYear(year),
      days,
    };
  }

  async due(start: Date, limit: string): Promise<Deadline & { dueText: string }> {
    const deadline = computeDeadline(start, limit, await this.current());
    return { ...deadline, dueText: formatDue(deadline.due) };
  }

  listOverrides() {
    return repo.listOverrides(this.database.db);
  }

  async setOverride(actor: Actor, o: { date: string; kind: 'rest' | 'work'; note: string }) {
    const row = await this.database.db.transaction(async (tx) => {
      const before = await repo.findOverride(tx, o.date);
      const after = await repo.upsertOverride(tx, { ...o, createdBy: actor.id });
      await appendAudit(tx, {
        actor,
        enterpriseId: null,
        action: before ? 'calendar.override.update' : 'calendar.override.create',
        entity: 'calendar_override',
        entityId: o.date,
        before,
        after,
      });
      return after;
    });
    this.invalidate();
    return row;
  }

  async removeOverride(actor: Actor, date: string) {
    await this.database.db.transaction(async (tx) => {
      const before = await repo.findOverride(tx, date);
      if (!before) throw appError('NOT_FOUND', { zh: `${date} 没有调整记录`, en: `No override on ${date}` });
      await repo.deleteOverride(tx, date);
      await appendAudit(tx, {
        actor,
        enterpriseId: null,
        action: 'calendar.override.delete',
        entity: 'calendar_override',
        entityId: date,
        before,
      });
    });
    this.invalidate();
  }

  /**
   * Adds a year's State Council notice (holiday-cn format): every listed day becomes an override and the year is
   * declared known. `afterImport` runs in the same transaction with the new calendar (the work orders recompute
   * their provisional clocks there), so the notice and what it moved land together or not at all.
   */
  async importYear<T>(
    actor: Actor | null,
    notice: HolidayCnYear,
    source: string,
    afterImport?: (tx: Db, calendar: WorkCalendar) => Promise<T>,
  ): Promise<{ year: number; days: number; after: T | undefined }> {
    const outside = notice.days.filter((d) => !d.date.startsWith(`${notice.year}-`));
    if (outside.length > 0) {
      throw appError(
        'CALENDAR_IMPORT_INVALID',
        {
          zh: `导入的日期不属于 ${notice.year} 年：${outside.map((d) => d.date).join('、')}`,
          en: `Dates outside ${notice.year}: ${outside.map((d) => d.date).join(', ')}`,
        },
        { dates: outside.map((d) => d.date) },
      );
    }
    const after = await this.database.db.transaction(async (tx) => {
      for (const d of notice.days) {
        await repo.upsertOverride(tx, {
          date: d.date,
          kind: d.isOffDay ? 'rest' : 'work',
          note: d.name,
          createdBy: actor?.id ?? null,
        });
      }
      await repo.declareYear(tx, notice.year, source);
      const result = afterImport ? await afterImport(tx, await this.build(tx)) : undefined;
      await appendAudit(tx, {
        actor,
        enterpriseId: null,
        action: 'calendar.import',
        entity: 'calendar_year',
        entityId: String(notice.year),
        after: { source, days: notice.days.length },
      });
      return result;
    });
    this.invalidate();
    return { year: notice.year, days: notice.days.length, after };
  }
}
