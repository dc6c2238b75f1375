import { allocateArrears, toShanghaiDate, type ArrearsResult } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import * as repo from './ledger.repository.ts';

export type AccountArrears = ArrearsResult & {
  customerId: string;
  enterpriseId: string;
  sector: string;
  balanceFen: number;
  lastPaymentOn: string | null;
  /** Debit rows behind `charges`, by ledger entry id (as string ref). */
  debits: Map<string, repo.ChargeWithDue>;
};

/**
 * Arrears of every account matching `where` as of `today` (G-6.2.9): the domain allocates credits to the oldest
 * due charge first; what stays unpaid past its notice's due date is overdue.
 */
export async function arrearsOf(
  db: Db,
  where: { enterpriseId?: string | null; customerIds?: string[]; sector?: string },
  today: string,
): Promise<AccountArrears[]> {
  const [debits, totals] = await Promise.all([
    repo.debitsWithDue(db, where),
    repo.creditsAndBalances(db, where),
  ]);
  const byAccount = new Map<string, repo.ChargeWithDue[]>();
  for (const d of debits) {
    const k = `${d.customerId}|${d.sector}`;
    const list = byAccount.get(k);
    if (list) list.push(d);
    else byAccount.set(k, [d]);
  }
  return totals.map((t) => {
    const list = byAccount.get(`${t.customerId}|${t.sector}`) ?? [];
    const result = allocateArrears(
      list.map((d) => ({
        ref: String(d.entryId),
        amountFen: d.amountFen,
        dueDate: d.dueDate ? dateOf(d.dueDate) : null,
      })),
      t.creditsFen,
      today,
    );
    return {
      ...result,
      customerId: t.customerId,
      enterpriseId: t.enterpriseId,
      sector: t.sector,
      balanceFen: t.balanceFen,
      lastPaymentOn: t.lastPaymentOn,
      debits: new Map(list.map((d) => [String(d.entryId), d])),
    };
  });
}

export const dateOf = (d: string | Date): string =>
  typeof d === 'string' ? d.slice(0, 10) : toShanghaiDate(d);
