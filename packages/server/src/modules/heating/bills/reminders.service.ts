import { remindersDue, reminderDates, toShanghaiDate } from '@ranre/domain';
import { and, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { customers, heatingSeasons } from '../../../db/schema.ts';
import type { AppContext } from '../../../core/context.ts';
import { addCalendarMonths } from '@ranre/domain';
import { enqueueNotification } from '../../platform/notifications/notifications.repository.ts';
import { HeatingSeasonService } from '../seasons/seasons.service.ts';
import type { SeasonRow } from '../seasons/seasons.repository.ts';
import { HeatingBillService } from './bills.service.ts';
import * as repo from './bills.repository.ts';
import { inArray } from 'drizzle-orm';

export const HEATING_REMINDER_JOB = 'heating-reminders';

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * H-7.2.2 交费提醒或重复提醒: for every season bill still owing after its due date, queue each reminder whose day has
 * come under the enterprise's schedule. The dedupe key names the bill and the reminder number, so however often the
 * job runs each reminder goes out once. Also books early-payment rewards (once per bill).
 */
export async function runHeatingReminders(ctx: AppContext, now: Date, enterpriseId?: string) {
  const today = toShanghaiDate(now);
  const seasonService = new HeatingSeasonService(ctx);
  const billService = new HeatingBillService(ctx);
  // Seasons whose bills are due and that ended less than two months ago.
  const where = [
    lt(heatingSeasons.paymentDueOn, today),
    gte(heatingSeasons.endsOn, addCalendarMonths(today, -2)),
  ];
  if (enterpriseId) where.push(eq(heatingSeasons.enterpriseId, enterpriseId));
  const due = await ctx.database.db
    .select()
    .from(heatingSeasons)
    .where(and(...where));
  let queued = 0;
  for (const season of due) {
    const { rules } = await seasonService.rulesFor(season.enterpriseId, today);
    queued += await ctx.database.db.transaction(async (tx) => {
      await billService.applyRewards(tx, season, null);
      return remindSeason(tx, season, rules, today);
    });
  }
  return { seasons: due.length, queued };
}

export async function remindSeason(
  tx: Db,
  season: SeasonRow,
  rules: Parameters<typeof remindersDue>[0],
  today: string,
) {
  const numbers = remindersDue(rules, season.paymentDueOn, today);
  if (numbers.length === 0) return 0;
  const dates = reminderDates(rules, season.paymentDueOn);
  const rows = (await repo.seasonBills(tx, season.enterpriseId, season.period)).filter(
    (b) => b.kind === 'season',
  );
  const ids = rows.map((b) => b.id);
  const [paid, rewards, sent] = await Promise.all([
    repo.paymentsOfBills(tx, ids),
    repo.rewardsOfBills(tx, ids),
    repo.remindersOfBills(tx, season.enterpriseId, ids),
  ]);
  const owing = rows.filter(
    (b) => b.amountFen - (paid.get(b.id)?.paidFen ?? 0) - (rewards.get(b.id) ?? 0) > 0,
  );
  if (owing.length === 0) return 0;
  const phones = new Map(
    (
      await tx
        .select({ id: customers.id, phone: customers.phone, name: customers.name })
        .from(customers)
        .where(
          inArray(
            customers.id,
            owing.map((b) => b.customerId),
          ),
        )
    ).map((c) => [c.id, c]),
  );
  let queued = 0;
  for (const bill of owing) {
    const already = new Set(sent.get(bill.id) ?? []);
    const outstanding = bill.amountFen - (paid.get(bill.id)?.paidFen ?? 0) - (rewards.get(bill.id) ?? 0);
    const person = phones.get(bill.customerId);
    for (const n of numbers) {
      const dedupeKey = `heating_reminder:${bill.id}:${n}`;
      if (already.has(dedupeKey)) continue;
      const made = await enqueueNotification(tx, {
        enterpriseId: season.enterpriseId,
        customerId: bill.customerId,
        channel: 'sms',
        kind: 'heating_reminder',
        recipient: person?.phone ?? '',
        subject: `${season.period} 采暖费缴费提醒（第 ${n} 次）`,
        body: `尊敬的${person?.name ?? '用户'}：您 ${season.period} 采暖期热费尚欠 ${yuan(outstanding)} 元（账单 ${bill.billNo}，应于 ${season.paymentDueOn} 前缴清），请尽快缴纳。`,
        bodyEn: `Reminder ${n} (${dates[n - 1]}): ${yuan(outstanding)} yuan of the ${season.period} heating bill ${bill.billNo} is unpaid (due ${season.paymentDueOn}).`,
        refType: 'bill',
        refId: bill.id,
        dedupeKey,
      });
      if (made) queued += 1;
    }
  }
  return queued;
}
