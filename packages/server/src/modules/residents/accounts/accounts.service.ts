import { toShanghaiDate } from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { BillService } from '../../gas/bills/bills.service.ts';
import { LedgerService } from '../../money/ledger/ledger.service.ts';
import { type GatewayService } from '../../money/payments/gateway.service.ts';
import { findIntentByTradeNo } from '../../money/payments/intents.repository.ts';
import { noticesForCustomer } from '../../service/notices/notices.repository.ts';
import { publicView } from '../../service/notices/notices.views.ts';
import { boundAccounts, boundActor } from '../bindings/bindings.repository.ts';
import { BindingService } from '../bindings/bindings.service.ts';
import type { TAccountDetail } from './accounts.schemas.ts';

// A bound account's own view (G-5.8.1, H-7.5.2: query and payment): every call first proves the account is bound
// to the caller, then uses the same services the staff use — the ledger, the bills, the payment gateway.

export class ResidentAccountService {
  private readonly bills: BillService;
  private readonly ledger: LedgerService;
  private readonly bindings: BindingService;

  constructor(
    private readonly ctx: AppContext,
    private readonly gateway: GatewayService,
  ) {
    this.bills = new BillService(ctx);
    this.ledger = new LedgerService(ctx);
    this.bindings = new BindingService(ctx);
  }

  private get db() {
    return this.ctx.database.db;
  }

  async detail(resident: Actor, customerId: string): Promise<TAccountDetail> {
    const { account: bound, actor } = await boundActor(this.db, resident, customerId);
    const account = await this.bindings.view(bound, toShanghaiDate(this.ctx.now()));
    const statement = await this.ledger.statement(actor, customerId, { sector: account.sector });
    const { items } = await this.bills.list(actor, { customerId, limit: 36, offset: 0 });
    const unpaid = new Map(statement.arrears.items.filter((i) => i.billId).map((i) => [i.billId!, i]));
    const dueOf = new Map(statement.entries.filter((e) => e.refType === 'bill').map((e) => [e.refId, e]));
    const bills = items.map((b) => {
      const open = unpaid.get(b.id);
      return {
        id: b.id,
        billNo: b.billNo,
        period: b.period,
        kind: b.kind,
        periodFrom: b.periodFrom,
        periodTo: b.periodTo,
        volume: b.volume,
        estimated: b.estimated,
        amountFen: b.amountFen,
        issuedOn: b.issuedOn,
        outstandingFen: open?.outstandingFen ?? 0,
        dueDate: open?.dueDate ?? dueOf.get(b.id)?.dueDate ?? null,
        overdue: open?.overdue ?? false,
        hasNotice: Boolean(open?.noticeId ?? dueOf.get(b.id)?.noticeNo),
      };
    });
    const usage = bills
      .filter((b) => b.kind === 'regular' || b.kind === 'season')
      .map((b) => ({ period: b.period, volume: b.volume, amountFen: b.amountFen }))
      .sort((a, b) => a.period.localeCompare(b.period));
    return {
      account,
      arrears: statement.arrears.items,
      bills,
      usage,
      payments: statement.entries
        .filter((e) => e.kind === 'payment')
        .slice(-12)
        .reverse()
        .map((e) => ({ bookedOn: e.bookedOn, amountFen: e.amountFen, reason: e.reason })),
      payChannels: Object.keys(this.gateway.channels.adapters) as ('wechat' | 'alipay')[],
      demoGateway: Boolean(this.gateway.channels.demo),
    };
  }

  /** Notices over the addresses of the resident's bound accounts, for his home page (one per notice). */
  async notices(actor: Actor) {
    const now = this.ctx.now();
    const seen = new Set<string>();
    const items = [];
    for (const a of await boundAccounts(this.db, actor)) {
      for (const n of await noticesForCustomer(this.db, a.id, a.enterpriseId, now)) {
        if (seen.has(n.id)) continue;
        seen.add(n.id);
        items.push({ ...publicView(n, now), accountNo: a.accountNo });
      }
    }
    return { items };
  }

  /** The bill's payment notice as PDF, if the bill is of a bound account. */
  async noticePdf(resident: Actor, customerId: string, billId: string) {
    const { actor } = await this.billOf(resident, customerId, billId);
    return this.bills.noticePdf(actor, billId);
  }

  /** A payment order for the bill's unpaid amount, through the gateway the counters use (G-6.2.8 receipts). */
  async pay(resident: Actor, customerId: string, input: { billId: string; channel: 'wechat' | 'alipay' }) {
    const { bill, actor } = await this.billOf(resident, customerId, input.billId);
    const statement = await this.ledger.statement(actor, customerId, { sector: bill.sector as 'gas' });
    const open = statement.arrears.items.find((i) => i.billId === bill.id);
    if (!open || open.outstandingFen <= 0) {
      throw appError('BILL_ALREADY_PAID', { zh: '该账单已结清', en: 'This bill is already paid' });
    }
    return this.gateway.createIntent(actor, {
      customerId,
      sector: bill.sector as 'gas' | 'heating',
      channel: input.channel,
      amountFen: open.outstandingFen,
      billId: bill.id,
    });
  }

  async intent(resident: Actor, outTradeNo: string) {
    return (await this.ownIntent(resident, outTradeNo)).intent;
  }

  /** Demo gateway only: the resident "pays" his own order; the signed notification goes the real way. */
  async demoPay(resident: Actor, outTradeNo: string) {
    const { actor } = await this.ownIntent(resident, outTradeNo);
    const result = await this.gateway.simulate(actor, outTradeNo);
    return result.intent;
  }

  /** A payment order of one of his bound accounts, read as that account's enterprise (404 otherwise). */
  private async ownIntent(resident: Actor, outTradeNo: string) {
    const row = await findIntentByTradeNo(this.db, outTradeNo);
    if (!row?.customerId) throw notFound('payment order');
    const { actor } = await boundActor(this.db, resident, row.customerId);
    return { actor, intent: await this.gateway.getIntent(actor, outTradeNo) };
  }

  private async billOf(resident: Actor, customerId: string, billId: string) {
    const { actor } = await boundActor(this.db, resident, customerId);
    const bill = await this.bills.detail(actor, billId);
    if (bill.customerId !== customerId) throw notFound('bill');
    return { bill, actor };
  }
}
