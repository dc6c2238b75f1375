import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { customers } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { forbidden } from '../../../core/errors.ts';
import { customerRefColumns, sectorOfKind } from '../ledger/ledger.service.ts';
import { recordPayment } from './payments.service.ts';
import { DomainError } from '@ranre/domain';

/** One line of the bank's collection file (代收明细): the bank reference makes a re-imported file harmless. */
export const ZBankImport = z.strictObject({
  rows: z
    .array(
      z.strictObject({
        accountNo: z.string().trim().min(1).max(40),
        amountFen: z.number().int().min(1).max(100_000_000),
        bankRef: z.string().trim().min(4).max(80),
        paidOn: z.iso.date(),
      }),
    )
    .min(1)
    .max(2000),
});
export type TBankImport = z.infer<typeof ZBankImport>;

export const ZBankImportResult = z.object({
  recorded: z.number(),
  duplicates: z.number(),
  errors: z.number(),
  rows: z.array(
    z.object({
      row: z.number(),
      status: z.enum(['recorded', 'duplicate', 'error']),
      receiptNo: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
});

/**
 * Imports a bank collection file (G-6.2.8: payment through the bank): each line in its own transaction, so a bad
 * line is reported with its reason and the others are booked; a line already imported answers as a duplicate.
 */
export async function importBankFile(ctx: AppContext, actor: Actor, input: TBankImport) {
  if (actor.role === 'regulator') throw forbidden();
  const out: z.infer<typeof ZBankImportResult>['rows'] = [];
  for (const [i, line] of input.rows.entries()) {
    try {
      const r = await ctx.database.db.transaction(async (tx) => {
        const [c] = await tx
          .select(customerRefColumns)
          .from(customers)
          .where(
            and(eq(customers.enterpriseId, actor.enterpriseId), eq(customers.accountNo, line.accountNo)),
          );
        if (!c)
          throw new DomainError('NOT_FOUND', {
            zh: `户号 ${line.accountNo} 不存在`,
            en: `No account ${line.accountNo}`,
          });
        return recordPayment(tx, actor, {
          customer: c,
          sector: sectorOfKind(c.kind),
          channel: 'bank',
          amountFen: line.amountFen,
          idempotencyKey: `bank:${line.bankRef}`,
          externalRef: line.bankRef,
          receivedAt: new Date(`${line.paidOn}T12:00:00+08:00`),
        });
      });
      out.push({
        row: i + 1,
        status: r.replayed ? 'duplicate' : 'recorded',
        receiptNo: r.payment.receiptNo,
        error: null,
      });
    } catch (e) {
      const msg = e instanceof DomainError ? `${e.code}: ${e.messages.zh} / ${e.messages.en}` : String(e);
      out.push({ row: i + 1, status: 'error', receiptNo: null, error: msg });
    }
  }
  return {
    recorded: out.filter((r) => r.status === 'recorded').length,
    duplicates: out.filter((r) => r.status === 'duplicate').length,
    errors: out.filter((r) => r.status === 'error').length,
    rows: out,
  };
}
