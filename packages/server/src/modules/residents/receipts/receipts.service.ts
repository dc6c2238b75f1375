import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { PaymentService } from '../../money/payments/payments.service.ts';
import { boundActor, requireBound } from '../bindings/bindings.repository.ts';
import * as repo from './receipts.repository.ts';

// G-6.2.8: every payment has a numbered receipt. The resident sees those of his bound accounts and opens one as the
// counter prints it (the staff's own receipt, read through the payments service; there is no receipt PDF yet).

export class ResidentReceiptService {
  private readonly payments: PaymentService;

  constructor(private readonly ctx: AppContext) {
    this.payments = new PaymentService(ctx);
  }

  async list(actor: Actor, customerId: string) {
    await requireBound(this.ctx.database.db, actor, customerId);
    const rows = await repo.paymentsOf(this.ctx.database.db, customerId);
    return {
      items: rows.map((r) => ({
        id: r.id,
        receiptNo: r.receiptNo,
        sector: r.sector,
        channel: r.channel,
        amountFen: r.amountFen,
        receivedAt: r.receivedAt.toISOString(),
        billId: r.billId,
      })),
    };
  }

  async receipt(resident: Actor, customerId: string, paymentId: string) {
    const { actor } = await boundActor(this.ctx.database.db, resident, customerId);
    if ((await repo.customerOfPayment(this.ctx.database.db, paymentId)) !== customerId) {
      throw notFound('payment');
    }
    return this.payments.receipt(actor, paymentId);
  }
}
