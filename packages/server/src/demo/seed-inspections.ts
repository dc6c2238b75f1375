import { randomUUID } from 'node:crypto';
import {
  HOUR_MS,
  DAY_MS,
  addDays,
  daysBetween,
  nextRestDay,
  shanghaiMidnightUtc,
  toShanghaiDate,
  visitsPerYear,
  yearOf,
  type VisitOutcome,
} from '@ranre/domain';
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Actor } from '../core/actor.ts';
import type { Db } from '../db/client.ts';
import { enterprises, inspectionVisits, users } from '../db/schema.ts';
import { stepHazard } from '../modules/gas/hazards/hazards.service.ts';
import type { TRecord } from '../modules/gas/inspections/inspections.schemas.ts';
import { buildPlan } from '../modules/gas/inspections/inspections.service.ts';
import { activeInspectors } from '../modules/gas/inspections/plans.repository.ts';
import { appendRecord, checkRecord, recordFollowUp } from '../modules/gas/inspections/records.service.ts';
import { packagedCalendar } from '../modules/platform/calendar/base-data.ts';
import { SIGNATURE } from './seed-quality.ts';

// Issue 15 demo: this year's inspection plan for every demo pipeline gas company (G-5.11.1), and on the first one's
// route, visits done with and without hazards, each refusal (G-5.11.8), nobody home followed up with the community
// (G-5.11.9), hazards open, overdue, extended and closed, and one major hazard reported (G-6.2.17). Every time is
// derived from `now` and written through the same functions the API uses.

type Visit = typeof inspectionVisits.$inferSelect;
const ok = (code: string) => ({ code, ok: true });
const CHECKED = ['joint_leak', 'hose', 'flue', 'ventilation', 'meter_seal'];

export async function seedInspections(tx: Db, now: Date) {
  const calendar = packagedCalendar();
  const today = toShanghaiDate(now);
  const year = yearOf(today);
  const perKind = Object.fromEntries(visitsPerYear());
  const gasCompanies = await tx
    .select()
    .from(enterprises)
    .where(eq(enterprises.kind, 'pipeline_gas'))
    .orderBy(asc(enterprises.createdAt), asc(enterprises.name));
  let planned = 0;
  for (const e of gasCompanies) {
    const inspectorIds = (await activeInspectors(tx, e.id)).map((i) => i.id);
    const plan = await buildPlan(tx, {
      enterpriseId: e.id,
      year,
      perKind,
      inspectorIds,
      createdBy: null,
      now,
    });
    planned += plan.plannedCount;
  }
  // The route is walked by the first company's inspector that has one (the demo gas company's 张志强).
  let first: (typeof gasCompanies)[number] | undefined;
  let inspector: typeof users.$inferSelect | undefined;
  for (const e of gasCompanies) {
    [inspector] = await tx
      .select()
      .from(users)
      .where(and(eq(users.enterpriseId, e.id), eq(users.role, 'inspector'), eq(users.active, true)))
      .orderBy(asc(users.username))
      .limit(1);
    first = e;
    if (inspector) break;
  }
  if (!first || !inspector) return { planned, records: 0 };
  const actor: Actor = {
    id: inspector.id,
    username: inspector.username,
    displayName: inspector.displayName,
    role: 'inspector',
    enterpriseId: first.id,
    enterpriseName: first.name,
    enterpriseKind: first.kind,
  };
  // Visits whose window has opened, in the order the inspector walks them; a whole-year window first, so the
  // nobody-home attempts of the past days fall inside it on any date after the first week of January.
  const route = await tx
    .select()
    .from(inspectionVisits)
    .where(and(eq(inspectionVisits.inspectorId, inspector.id), lte(inspectionVisits.windowFrom, today)))
    .orderBy(
      asc(inspectionVisits.windowFrom),
      asc(inspectionVisits.community),
      asc(inspectionVisits.building),
    )
    .limit(40);
  /** An instant `hours` before now, but not before 09:00 of the visit's first window day when that is past. */
  const before = (v: Visit, hours: number) => {
    const floor = shanghaiMidnightUtc(v.windowFrom).getTime() + 9 * HOUR_MS;
    const t = now.getTime() - hours * HOUR_MS;
    return new Date(t >= floor || floor > now.getTime() ? t : floor);
  };
  const write = (v: Visit, outcome: VisitOutcome, at: Date, extra: Partial<TRecord> = {}) => {
    const input: TRecord = {
      id: randomUUID(),
      visitId: v.id,
      customerId: v.customerId,
      purpose: 'planned',
      outcome,
      at: at.toISOString(),
      checklist:
        outcome === 'inspected' || outcome === 'refused_to_sign' || outcome === 'refused_notice'
          ? CHECKED.map(ok)
          : [],
      findings: [],
      note: '',
      ...(outcome === 'inspected' || outcome === 'refused_notice' ? { signature: SIGNATURE } : {}),
      ...extra,
    };
    checkRecord(input, now);
    return appendRecord(tx, actor, input, now, calendar);
  };
  const finding = (item: string, grade: 'general' | 'serious' | 'major', description: string) => ({
    item,
    grade,
    responsible: 'customer' as const,
    description,
    photos: [SIGNATURE],
  });
  let records = 0;
  const [
    awayLong,
    awayOnce,
    refusedEntry,
    refusedSign,
    refusedNotice,
    major,
    serious,
    extended,
    closed,
    ...rest
  ] = route;
  // G-5.11.9: nobody home on a weekday morning, again in an evening, then on a rest day; then the community.
  if (awayLong) {
    const day1 = addDays(today, -10);
    const evening = new Date(shanghaiMidnightUtc(addDays(day1, 1)).getTime() + 19 * HOUR_MS);
    const rest = new Date(
      shanghaiMidnightUtc(nextRestDay(addDays(day1, 1), calendar)).getTime() + 10 * HOUR_MS,
    );
    const attempts = [new Date(shanghaiMidnightUtc(day1).getTime() + 10 * HOUR_MS), evening, rest].filter(
      (t) => t.getTime() < now.getTime(),
    );
    for (const at of attempts)
      await write(awayLong, 'nobody_home', at, { note: '敲门无人应答，已在门上张贴到访不遇告知单' });
    records += attempts.length;
    if (attempts.length === 3)
      await recordFollowUp(
        tx,
        actor,
        awayLong.id,
        {
          committee: `${awayLong.community || '所在'}社区居委会`,
          at: new Date(Math.min(now.getTime(), rest.getTime() + DAY_MS)).toISOString(),
          agreed: '由网格员联系住户，约定周末上门安检',
        },
        calendar,
      );
  }
  if (awayOnce)
    records += (await write(awayOnce, 'nobody_home', before(awayOnce, 5), { note: '上午到访无人' })) ? 1 : 0;
  if (refusedEntry)
    records += (await write(refusedEntry, 'refused_entry', before(refusedEntry, 6), {
      note: '住户称近期不便，拒绝入户',
    }))
      ? 1
      : 0;
  if (refusedSign)
    records += (await write(refusedSign, 'refused_to_sign', before(refusedSign, 7), {
      note: '检查合格，住户拒绝在记录上签字',
    }))
      ? 1
      : 0;
  if (refusedNotice) {
    await write(refusedNotice, 'refused_notice', before(refusedNotice, 8), {
      checklist: CHECKED.map((code) => ({ code, ok: code !== 'hose' })),
      findings: [finding('hose', 'general', '灶具连接胶管超过使用年限，需更换为金属波纹管')],
      note: '住户拒收整改通知书',
    });
    records += 1;
  }
  // G-6.2.17: a leak at a joint is a major hazard, reported to the regulator at once.
  if (major) {
    await write(major, 'inspected', before(major, 2), {
      findings: [finding('joint_leak', 'major', '表前阀接口漏气，已关闭表前阀并告知用户')],
    });
    records += 1;
  }
  // A serious hazard found 20 days ago: its 7 days are over, it is overdue in the ledger.
  if (serious) {
    await write(serious, 'inspected', before(serious, 20 * 24), {
      findings: [finding('flue', 'serious', '热水器烟道未伸出室外')],
    });
    records += 1;
  }
  const stepOf = async (
    v: Visit | undefined,
    hoursAgo: number,
    item: string,
    then: 'extended' | 'closed',
  ) => {
    if (!v) return;
    const r = await write(v, 'inspected', before(v, hoursAgo), {
      findings: [
        finding(
          item,
          'general',
          item === 'ventilation' ? '厨房通风不良，燃气热水器装在密闭阳台' : '燃气表铅封缺失',
        ),
      ],
    });
    records += 1;
    const id = r?.hazardIds[0];
    if (!id) return;
    if (then === 'closed')
      await stepHazard(
        tx,
        actor,
        id,
        { type: 'closed', reason: '复查：已整改合格', photos: [SIGNATURE] },
        now,
      );
    else
      await stepHazard(
        tx,
        actor,
        id,
        {
          type: 'extended',
          reason: '用户等待物业审批改造方案',
          dueAt: new Date(now.getTime() + 60 * DAY_MS).toISOString(),
          photos: [],
        },
        now,
      );
  };
  // Extended to 60 days from now: past the 30-day deadline even when that was moved over a holiday.
  await stepOf(extended, 48, 'ventilation', 'extended');
  await stepOf(closed, 72, 'meter_seal', 'closed');
  // The rest of the first visits: inspected, nothing found, signed.
  for (const [i, v] of rest.slice(0, 20).entries()) {
    await write(v, 'inspected', before(v, 3 + i * 5));
    records += 1;
  }
  records += await seedProgress(tx, inspector.id, now, (v, at) => write(v, 'inspected', at));
  return { planned, records };
}

/**
 * Progress through the year: of the route's other visits, nine in ten whose window is over are done, and of those
 * whose window is open a share matching the time gone by — each at 10:00–17:00 of a day inside its window, before now.
 * At most 200, so seeding stays fast.
 */
async function seedProgress(
  tx: Db,
  inspectorId: string,
  now: Date,
  inspect: (v: Visit, at: Date) => Promise<unknown>,
): Promise<number> {
  const today = toShanghaiDate(now);
  const open = await tx
    .select()
    .from(inspectionVisits)
    .where(
      and(
        eq(inspectionVisits.inspectorId, inspectorId),
        lte(inspectionVisits.windowFrom, addDays(today, -1)),
        eq(inspectionVisits.state, 'planned'),
      ),
    )
    .orderBy(
      asc(inspectionVisits.windowFrom),
      asc(inspectionVisits.community),
      asc(inspectionVisits.building),
    );
  let done = 0;
  for (const [i, v] of open.entries()) {
    if (done >= 200) break;
    const last = v.windowTo < today ? v.windowTo : addDays(today, -1);
    const span = daysBetween(v.windowFrom, last) + 1;
    const windowDays = daysBetween(v.windowFrom, v.windowTo) + 1;
    const share = v.windowTo < today ? 0.9 : (0.9 * span) / windowDays;
    if ((i * 37) % 100 >= share * 100) continue;
    const day = addDays(v.windowFrom, (i * 13) % span);
    await inspect(v, new Date(shanghaiMidnightUtc(day).getTime() + (10 + (i % 8)) * HOUR_MS));
    done += 1;
  }
  return done;
}
