import { earlyPaymentDeadline, earlyPaymentReward, toShanghaiDate, type HeatingRules } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import { ledgerEntries } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import type { SeasonRow } from '../seasons/seasons.repository.ts';
import * as repo from './bills.repository.ts';

/**
 * H-7.2.2 宜给予相应鼓励: books the early-payment reward — a ledger credit, once per bill by its unique reference
 * ('heating_reward', bill id) — for every season bill paid in full by the rule's deadline. Returns how many.
 */
export async function bookEarlyRewards(
  tx: Db,
  season: SeasonRow,
  rules: HeatingRules,
  today: string,
  actor: Pick<Actor, 'id' | 'displayName'> | null,
): Promise<number> {
  const deadline = earlyPaymentDeadline(rules, season.paymentDueOn);
  if (!deadline) return 0;
  const rows = (await repo.seasonBills(tx, season.enterpriseId, season.period)).filter(
    (b) => b.kind === 'season',
  );
  const ids = rows.map((b) => b.id);
  const [paid, booked] = await Promise.all([repo.paymentsOfBills(tx, ids), repo.rewardsOfBills(tx, ids)]);
  const entries = rows.flatMap((b) => {
    const p = paid.get(b.id);
    if (booked.has(b.id) || !p || p.paidFen < b.amountFen) return [];
    const reward = earlyPaymentReward(rules, {
      billFen: b.amountFen,
      dueOn: season.paymentDueOn,
      paidInFullOn: toShanghaiDate(p.lastAt),
    });
    if (reward <= 0) return [];
    return [
      {
        enterpriseId: b.enterpriseId,
        customerId: b.customerId,
        sector: 'heating',
        kind: 'adjustment',
        amountFen: -reward,
        refType: 'heating_reward',
        refId: b.id,
        reason: `H-7.2.2 提前缴费奖励（${deadline} 前缴清） / early-payment reward`,
        bookedOn: today,
        createdBy: actor?.id ?? null,
      },
    ];
  });
  if (entries.length === 0) return 0;
  await tx.insert(ledgerEntries).values(entries).onConflictDoNothing();
  await appendAudit(tx, {
    actor,
    enterpriseId: season.enterpriseId,
    action: 'heating_bill.rewards',
    entity: 'heating_season',
    entityId: season.id,
    after: { rewards: entries.length, totalFen: entries.reduce((s, e) => s - e.amountFen, 0) },
  });
  return entries.length;
}
