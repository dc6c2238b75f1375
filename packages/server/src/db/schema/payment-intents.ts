import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../schema.ts';
import { bills, meters, payments } from './billing.ts';
import { customers } from './customers.ts';
import { enterpriseRef, instant, randomId } from './columns.ts';

/**
 * A payment order (intent) for WeChat Pay / Alipay, made by the server before the customer pays: whose account,
 * which bill or prepaid meter, how much, on which channel, until when. The channel's notification is believed only
 * when it names an open intent's trade number with the same amount and merchant, and it credits the intent's
 * customer (never anything the notification carries). A working record: open → paid (once), or expired.
 */
export const paymentIntents = pgTable(
  'payment_intents',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    sector: text('sector').notNull(),
    /** 'wechat' | 'alipay' */
    channel: text('channel').notNull(),
    /** 'bill' | 'topup' | 'account' (paid onto the account, no bill named) */
    purpose: text('purpose').notNull(),
    billId: uuid('bill_id').references(() => bills.id),
    meterId: uuid('meter_id').references(() => meters.id),
    amountFen: integer('amount_fen').notNull(),
    /** Ours, random, sent to the channel; the channel's notification names it. */
    outTradeNo: text('out_trade_no').notNull(),
    /** 'open' | 'paid' | 'expired' */
    status: text('status').notNull().default('open'),
    expiresAt: instant('expires_at'),
    /** The channel's transaction number, once paid. */
    tradeNo: text('trade_no'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paymentId: uuid('payment_id').references(() => payments.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: instant('created_at'),
  },
  (t) => [
    uniqueIndex('payment_intents_out_trade_no_uq').on(t.outTradeNo),
    index('payment_intents_customer_idx').on(t.customerId, t.createdAt),
    check('payment_intents_amount_ck', sql`${t.amountFen} > 0`),
    check('payment_intents_status_ck', sql`${t.status} in ('open', 'paid', 'expired')`),
    check(
      'payment_intents_paid_ck',
      sql`(${t.status} = 'paid') = (${t.paymentId} is not null and ${t.tradeNo} is not null)`,
    ),
  ],
);
