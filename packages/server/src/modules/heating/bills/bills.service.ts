import { and, desc, eq } from 'drizzle-orm';
import { toShanghaiDate } from '@ranre/domain';
import { type bills, billingRuns } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { assertHeatingWriter, ownRow, visibleRow } from '../seasons/heating-access.ts';
import * as seasons from '../seasons/seasons.repository.ts';
import { HeatingSeasonService } from '../seasons/seasons.service.ts';
import * as repo from './bills.repository.ts';
import { composeSeasonBill, suspendedAccounts, type SkipReason } from './compose.ts';
import { billViews } from './bills.views.ts';
import { bookEarlyRewards } from './rewards.ts';

const SEASON = '供热期 / heating season';

export class HeatingBillService {
  private readonly seasonService: HeatingSeasonService;
  constructor(private readonly ctx: AppContext) {
    this.seasonService = new HeatingSeasonService(ctx);
  }

  private get db() {
    return this.ctx.database.db;
  }

  /**
   * H-7.2.1: bills every heating account of the season's area in one set-wise pass and one transaction; accounts
   * already billed for the period are skipped, so a rerun never duplicates. Each bill's `charge` entry goes with it.
   */
  async run(actor: Actor, seasonId: string) {
    assertHeatingWriter(actor);
    const now = this.ctx.now();
    const today = toShanghaiDate(now);
    const { rules } = await this.seasonService.rulesFor(actor.enterpriseId, today);
    return this.db.transaction(async (tx) => {
      const season = ownRow(actor, await seasons.seasonById(tx, seasonId, true), SEASON);
      const [accounts, prices, use, areaBilled, orders, existing] = await Promise.all([
        repo.heatingAccounts(tx, season.enterpriseId, season.districts),
        seasons.listPrices(tx, season.enterpriseId),
        repo.heatMeterUse(tx, season.enterpriseId, season.startsOn, season.endsOn),
        repo.areaBilledByDispute(tx, season.enterpriseId),
        repo.suspensionOrders(tx, season.enterpriseId),
        repo.seasonBills(tx, season.enterpriseId, season.period),
      ]);
      const billed = new Set(existing.map((b) => b.customerId));
      const inputs = {
        season,
        prices,
        rules,
        metered: use.metered,
        whOf: use.whOf,
        areaBilled,
        suspendedOn: suspendedAccounts(orders, season.startsOn),
      };
      const [run] = await tx
        .insert(billingRuns)
        .values({
          enterpriseId: season.enterpriseId,
          sector: 'heating',
          period: season.period,
          periodFrom: season.startsOn,
          periodTo: season.endsOn,
          status: 'running',
          total: accounts.length,
          startedBy: actor.id,
          startedAt: now,
        })
        .returning();
      const skipped: Record<SkipReason, number> = { no_area: 0, no_price: 0, already_billed: 0 };
      const byMethod: Record<string, number> = {};
      const sample: { accountNo: string; reason: SkipReason }[] = [];
      const values: (typeof bills.$inferInsert)[] = [];
      for (const account of accounts) {
        const bill = billed.has(account.id)
          ? ({ ok: false, reason: 'already_billed' } as const)
          : composeSeasonBill(account, inputs);
        if (!bill.ok) {
          skipped[bill.reason] += 1;
          if (sample.length < 20 && bill.reason !== 'already_billed')
            sample.push({ accountNo: account.accountNo, reason: bill.reason });
          continue;
        }
        byMethod[bill.method] = (byMethod[bill.method] ?? 0) + 1;
        values.push({
          enterpriseId: season.enterpriseId,
          customerId: account.id,
          sector: 'heating',
          period: season.period,
          billNo: `HB${season.period.replace('-', '')}-${account.accountNo}`,
          kind: 'season',
          periodFrom: season.startsOn,
          periodTo: season.endsOn,
          amountFen: bill.amountFen,
          lines: bill.lines,
          runId: run!.id,
          note: bill.note,
          issuedOn: today,
          createdBy: actor.id,
        });
      }
      const amountFen = values.reduce((s, v) => s + v.amountFen, 0);
      await repo.insertBillsWithCharges(tx, values, {
        enterpriseId: season.enterpriseId,
        reason: `${season.period} 采暖费 / heating season bill`,
        bookedOn: today,
        createdBy: actor.id,
      });
      const skippedTotal = skipped.no_area + skipped.no_price + skipped.already_billed;
      const summary = { skipped, byMethod, amountFen, sample, seasonId: season.id };
      const [done] = await tx
        .update(billingRuns)
        .set({
          status: 'done',
          processed: accounts.length,
          billed: values.length,
          skipped: skippedTotal,
          summary,
          finishedAt: now,
        })
        .where(eqRun(run!.id))
        .returning();
      await appendAudit(tx, {
        actor,
        enterpriseId: season.enterpriseId,
        action: 'heating_bill.run',
        entity: 'billing_run',
        entityId: run!.id,
        after: { period: season.period, billed: values.length, skipped, amountFen },
      });
      return done!;
    });
  }

  /** The season's bills with paid, reward, outstanding, reminders and status. */
  async list(actor: Actor, seasonId: string) {
    const season = visibleRow(actor, await seasons.seasonById(this.db, seasonId), SEASON);
    const { rules } = await this.seasonService.rulesFor(season.enterpriseId);
    let rows = await repo.seasonBills(this.db, season.enterpriseId, season.period);
    if (season.districts.length > 0) {
      // Two areas may share a period: show the bills of this season's districts only.
      const inArea = new Set(
        (await repo.heatingAccounts(this.db, season.enterpriseId, season.districts)).map((a) => a.id),
      );
      rows = rows.filter((b) => inArea.has(b.customerId));
    }
    const views = await billViews(this.db, season, rows, rules, toShanghaiDate(this.ctx.now()));
    const runs = await lastRuns(this.db, season.enterpriseId, season.period);
    return { season, rules, bills: views, runs, totals: totalsOf(views) };
  }

  /**
   * H-7.2.2 宜给予相应鼓励: books the early-payment reward (a ledger credit, once per bill by its unique reference) for
   * every season bill paid in full by the rule's deadline.
   */
  async applyRewards(tx: Db, season: seasons.SeasonRow, actor: Actor | null): Promise<number> {
    const { rules } = await this.seasonService.rulesFor(season.enterpriseId, season.paymentDueOn, tx);
    return bookEarlyRewards(tx, season, rules, toShanghaiDate(this.ctx.now()), actor);
  }

  async rewards(actor: Actor, seasonId: string) {
    assertHeatingWriter(actor);
    return this.db.transaction(async (tx) => {
      const season = ownRow(actor, await seasons.seasonById(tx, seasonId), SEASON);
      return { rewarded: await this.applyRewards(tx, season, actor) };
    });
  }
}

const eqRun = (id: string) => eq(billingRuns.id, id);

async function lastRuns(db: Db, enterpriseId: string, period: string) {
  return db
    .select()
    .from(billingRuns)
    .where(
      and(
        eq(billingRuns.enterpriseId, enterpriseId),
        eq(billingRuns.sector, 'heating'),
        eq(billingRuns.period, period),
      ),
    )
    .orderBy(desc(billingRuns.createdAt))
    .limit(5);
}

function totalsOf(
  views: { amountFen: number; paidFen: number; rewardFen: number; outstandingFen: number; status: string }[],
) {
  const t = {
    count: views.length,
    amountFen: 0,
    paidFen: 0,
    rewardFen: 0,
    outstandingFen: 0,
    overdue: 0,
    paid: 0,
  };
  for (const v of views) {
    t.amountFen += v.amountFen;
    t.paidFen += v.paidFen;
    t.rewardFen += v.rewardFen;
    t.outstandingFen += v.outstandingFen;
    if (v.status === 'overdue') t.overdue += 1;
    if (v.status === 'paid') t.paid += 1;
  }
  return t;
}
