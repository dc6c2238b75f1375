import { expect } from 'vitest';
import { bills, ledgerEntries, notifications, paymentNotices } from '../../db/schema.ts';
import { createUser } from '../../testing/harness.ts';
import { orderWorld, type OrderWorld } from '../service/workorders/testing.ts';
import { and, desc, eq } from 'drizzle-orm';

// The residents' tests: the work-order world (gas company, accounts RQ0001 李秀英 13905330001 and RQ0002 王建国
// 13905330002) plus a second resident, a bill writer and the binding flow read back from the SMS outbox.

export interface ResidentWorld extends OrderWorld {
  /** Binds the account as `who`, reading the code from the SMS outbox; returns the bound account. */
  bind(who: string, accountNo: string, name: string, last4: string): Promise<Record<string, unknown>>;
  /** The last SMS queued to this phone. */
  lastSms(phone: string): Promise<string | undefined>;
  bill(customerId: string, period: string, amountFen: number): Promise<string>;
}

export async function residentWorld(): Promise<ResidentWorld> {
  const w = await orderWorld();
  w.ids.gas_resident2 = (await createUser(w.t.database, w.world.gas.id, 'gas_resident2', 'resident')).id;
  w.ids.heat_resident = (await createUser(w.t.database, w.world.heat.id, 'heat_resident', 'resident')).id;
  const db = w.t.database.db;
  const lastSms = async (phone: string) => {
    const [row] = await db
      .select({ body: notifications.body })
      .from(notifications)
      .where(and(eq(notifications.channel, 'sms'), eq(notifications.recipient, phone)))
      .orderBy(desc(notifications.createdAt))
      .limit(1);
    return row?.body;
  };
  let seq = 0;
  return {
    ...w,
    lastSms,
    async bind(who, accountNo, name, last4) {
      const req = await w.call(who, 'POST', '/resident/bindings', { accountNo, name, phoneLast4: last4 });
      expect(req.statusCode, req.body).toBe(201);
      const phone = `1390533${{ RQ0001: '0001', RQ0002: '0002', RL0001: '0003' }[accountNo] ?? '0002'}`;
      const code = /验证码 (\d{6})/.exec((await lastSms(phone)) ?? '')![1];
      const res = await w.call(who, 'POST', `/resident/bindings/${req.json().id}/confirm`, { code });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    },
    async bill(customerId, period, amountFen) {
      seq += 1;
      const [row] = await db
        .insert(bills)
        .values({
          enterpriseId: w.world.gas.id,
          customerId,
          sector: 'gas',
          period,
          billNo: `ZD-R-${seq}`,
          periodFrom: `${period}-01`,
          periodTo: `${period}-28`,
          volume: 20 + seq,
          amountFen,
          issuedOn: `${period}-28`,
        })
        .returning();
      await db.insert(paymentNotices).values({
        enterpriseId: w.world.gas.id,
        customerId,
        billId: row!.id,
        noticeNo: `TZ-R-${seq}`,
        issuedOn: `${period}-28`,
        dueDate: `${period}-28`,
        fields: {},
      });
      await db.insert(ledgerEntries).values({
        enterpriseId: w.world.gas.id,
        customerId,
        sector: 'gas',
        kind: 'charge',
        amountFen,
        refType: 'bill',
        refId: row!.id,
        bookedOn: `${period}-28`,
      });
      return row!.id;
    },
  };
}
