import {
  HOUR_MS,
  compensationPaymentState,
  exerciseShortfalls,
  formatDue,
  planReviewState,
  shanghaiMidnightUtc,
  toShanghaiDate,
  yearOf,
  type ExerciseKind,
  type Messages,
  type RosterGap,
  type WorkCalendar,
} from '@ranre/domain';
import type { Database, Db } from '../../../db/client.ts';
import type { emergencyAlerts } from '../../../db/schema.ts';
import * as duty from '../duty/duty.repository.ts';
import { unpaidAgreed } from '../insurance/insurance.repository.ts';
import { gapsOf, sectorOf } from '../duty/duty.service.ts';
import * as repo from './readiness.repository.ts';

// The readiness watcher: a roster gap in the next 48 hours (G-4.2.2, H-4.2.2, G-5.12.3, H-6.4.3), a plan whose
// review is near or past (G-5.12.2) and a year short of its drills or publicity in its last quarter (G-5.12.4,
// G-5.12.5), and an agreed compensation unpaid five working days before its 30-working-day due or past it (H-9.5)
// each raise one alert. The key (enterprise, key) makes each one happen once however often it runs.

export const READINESS_WATCHER_JOB = 'emergency-readiness-watcher';
/** How far ahead a roster gap is alerted: two days leave time to call someone in. */
export const ROSTER_LOOKAHEAD_HOURS = 48;

type Deps = { database: Database; calendar: { current(): Promise<WorkCalendar> } };
type AlertInsert = typeof emergencyAlerts.$inferInsert;

const KIND_LABEL = {
  hotline: { zh: '24小时服务热线', en: '24 h hotline' },
  rush_repair: { zh: '抢修队', en: 'rush-repair crew' },
};

function gapMessage(g: RosterGap): Messages {
  const label = KIND_LABEL[g.kind];
  const why =
    g.reason === 'nobody'
      ? { zh: '班次无人', en: 'a shift names nobody' }
      : { zh: '无人排班', en: 'no shift' };
  const night = g.seasonNight
    ? { zh: '（供热期夜间）', en: ' (a heating-season night)' }
    : { zh: '', en: '' };
  return {
    zh: `${label.zh}值班缺口${night.zh}：${formatDue(g.startsAt)} 至 ${formatDue(g.endsAt)} ${why.zh}（${g.clause}），请补排班。`,
    en: `Gap in the ${label.en} roster${night.en}: ${formatDue(g.startsAt)} to ${formatDue(g.endsAt)}, ${why.en} (${g.clause}); fill the roster.`,
  };
}

/** One pass as of `now`; returns the number of alerts newly raised. Callable directly with any `now`. */
export async function runReadinessWatcher(deps: Deps, now: Date): Promise<number> {
  return raiseReadinessAlerts(deps.database.db, await deps.calendar.current(), now);
}

/** The same pass on a given connection or transaction (the demo seed raises its alerts in its own). */
export async function raiseReadinessAlerts(db: Db, calendar: WorkCalendar, now: Date): Promise<number> {
  const today = toShanghaiDate(now);
  // From today's midnight, so an ongoing gap keeps the start it had (and its key) through the day.
  const from = shanghaiMidnightUtc(today);
  const to = new Date(now.getTime() + ROSTER_LOOKAHEAD_HOURS * HOUR_MS);
  const enterprises = (await duty.allEnterprises(db)).filter((e) => sectorOf(e.kind));
  const shifts = await duty.shiftsOverlapping(db, null, from, to);
  const alerts: AlertInsert[] = [];
  for (const e of enterprises) {
    for (const g of await gapsOf(db, e, shifts, from, to)) {
      if (g.endsAt <= now) continue;
      alerts.push({
        enterpriseId: e.id,
        key: `roster_gap:${g.kind}:${g.startsAt.toISOString()}`,
        kind: 'roster_gap',
        clause: g.clause,
        dueAt: g.startsAt,
        message: gapMessage(g),
        createdAt: now,
      });
    }
  }
  for (const p of await repo.currentPlans(db)) {
    const due = String(p.reviewDueOn).slice(0, 10);
    const state = planReviewState(due, today);
    if (state === 'ok') continue;
    alerts.push({
      enterpriseId: p.enterpriseId,
      key: `plan_review:${p.id}:${state}`,
      kind: 'plan_review',
      clause: 'G-5.12.2',
      dueAt: shanghaiMidnightUtc(due),
      message:
        state === 'overdue'
          ? {
              zh: `应急预案「${p.title}」已过复审日期 ${due}，请复审修订（G-5.12.2）。`,
              en: `Emergency plan "${p.title}" is past its review date ${due}; review and revise it (G-5.12.2).`,
            }
          : {
              zh: `应急预案「${p.title}」将于 ${due} 到复审日期（G-5.12.2）。`,
              en: `Emergency plan "${p.title}" is due for review on ${due} (G-5.12.2).`,
            },
      createdAt: now,
    });
  }
  const year = yearOf(today);
  const counts = await repo.yearCounts(db, year);
  for (const e of enterprises) {
    const done: Partial<Record<ExerciseKind, number>> = {};
    for (const c of counts.filter((c) => c.enterpriseId === e.id)) done[c.kind as ExerciseKind] = c.n;
    const short = exerciseShortfalls({
      sector: sectorOf(e.kind)!,
      hasRuralCustomers: await repo.hasRuralCustomers(db, e.id),
      done,
      today,
      calendar,
    });
    for (const s of short.filter((x) => x.alert)) {
      const what =
        s.kind === 'drill'
          ? { zh: '用户应急演练', en: 'emergency drills with customers' }
          : { zh: '农村居民泄漏应急宣传', en: 'leak-response publicity for rural residents' };
      alerts.push({
        enterpriseId: e.id,
        key: `exercise:${year}:${s.kind}:${s.done}`,
        kind: 'exercise_shortfall',
        clause: s.clause,
        dueAt: shanghaiMidnightUtc(`${year}-12-31`),
        message: {
          zh: `${year}年${what.zh}已做 ${s.done} 次，至少需 ${s.perYear} 次（${s.clause}），年底前还剩 ${s.workingDaysLeft} 个工作日。`,
          en: `${year}: ${s.done} of at least ${s.perYear} ${what.en} (${s.clause}); ${s.workingDaysLeft} working days left in the year.`,
        },
        createdAt: now,
      });
    }
  }
  for (const c of await unpaidAgreed(db)) {
    const pay = compensationPaymentState(c.payDueAt!, now, calendar);
    if (pay.state === 'ok') continue;
    const amount = `¥${((c.agreedFen ?? 0) / 100).toFixed(2)}`;
    alerts.push({
      enterpriseId: c.enterpriseId,
      key: `claim_payment:${c.id}:${pay.state}`,
      kind: 'claim_payment',
      clause: 'H-9.5',
      dueAt: c.payDueAt!,
      message:
        pay.state === 'overdue'
          ? {
              zh: `理赔「${c.claimant}」商定赔偿 ${amount} 已超过 30 个工作日支付期限 ${formatDue(c.payDueAt!)}，请立即支付（H-9.5）。`,
              en: `Claim "${c.claimant}": the agreed ${amount} is past its 30-working-day due ${formatDue(c.payDueAt!)}; pay it now (H-9.5).`,
            }
          : {
              zh: `理赔「${c.claimant}」商定赔偿 ${amount} 须于 ${formatDue(c.payDueAt!)} 前支付，还剩 ${pay.workingDaysLeft} 个工作日（H-9.5）。`,
              en: `Claim "${c.claimant}": the agreed ${amount} is due by ${formatDue(c.payDueAt!)}, ${pay.workingDaysLeft} working days left (H-9.5).`,
            },
      createdAt: now,
    });
  }
  return duty.raiseAlerts(db, alerts);
}
