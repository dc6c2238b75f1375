import {
  addDays,
  buildCalendar,
  computeDeadline,
  formatDue,
  type CalendarData,
  type CalendarOverride,
  type Deadline,
  type WorkCalendar,
} from '@ranre/domain';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import { appError } from '../../../core/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { packagedCalendarData, type HolidayCnYear } from './base-data.ts';
import * as repo from './calendar.repository.ts';

/** Cached calendars are rebuilt at least this often, so other server processes see an administrator's edits. */
const CACHE_MS = 60_000;

/** The working calendar: packaged State Council data plus the administrator's overrides and declared years. */
export class CalendarService {
  private cached: { at: number; calendar: WorkCalendar } | null = null;

  constructor(
    private readonly database: Database,
    private readonly now: () => Date,
    private readonly base: CalendarData = packagedCalendarData(),
  ) {}

  async current(): Promise<WorkCalendar> {
    const t = this.now().getTime();
    if (this.cached && t - this.cached.at < CACHE_MS) return this.cached.calendar;
    const { db } = this.database;
    const [overrides, years] = await Promise.all([repo.listOverrides(db), repo.listDeclaredYears(db)]);
    const calendar = buildCalendar(
      this.base,
      overrides.map((o): CalendarOverride => ({
        date: o.date,
        kind: o.kind as 'rest' | 'work',
        note: o.note,
      })),
      { extraKnownYears: years.map((y) => y.year) },
    );
    this.cached = { at: t, calendar };
    return calendar;
  }

  private invalidate() {
    this.cached = null;
  }

  async yearView(year: number) {
    const cal = await this.current();
    if (!cal.isKnownYear(year)) {
      // Let the domain say it, in both languages, with the known range.
      cal.dayInfo(`${year}-01-01`);
    }
    const days = [];
    for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) days.push(cal.dayInfo(d));
    const known = cal.knownYears;
    return { year, knownYears: { from: known[0]!, to: known.at(-1)! }, days };
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
   * declared known, all in one transaction.
   */
  async importYear(actor: Actor | null, notice: HolidayCnYear, source: string) {
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
    await this.database.db.transaction(async (tx) => {
      for (const d of notice.days) {
        await repo.upsertOverride(tx, {
          date: d.date,
          kind: d.isOffDay ? 'rest' : 'work',
          note: d.name,
          createdBy: actor?.id ?? null,
        });
      }
      await repo.declareYear(tx, notice.year, source);
      await appendAudit(tx, {
        actor,
        enterpriseId: null,
        action: 'calendar.import',
        entity: 'calendar_year',
        entityId: String(notice.year),
        after: { source, days: notice.days.length },
      });
    });
    this.invalidate();
    return { year: notice.year, days: notice.days.length };
  }
}
