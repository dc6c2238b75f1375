import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts } from '../db/schema.ts';
import { FailingAdapter, RecordingAdapter } from '../modules/platform/notifications/channel-adapters.ts';
import {
  MAX_ATTEMPTS,
  sendQueuedNotifications,
} from '../modules/platform/notifications/notifications.service.ts';
import { paymentsTestWorld } from '../modules/money/payments/payments.fixtures.ts';
import { runOverdueReminders } from './overdue-reminders.ts';

let w: Awaited<ReturnType<typeof paymentsTestWorld>>;
beforeAll(async () => {
  w = await paymentsTestWorld();
});
afterAll(() => w.t.close());

const at = (day: string) => new Date(`${day}T01:00:00Z`);
const reminders = async (customerId: string) =>
  (
    await w.t.database.executeSql(
      `select dedupe_key, body, body_en, channel, recipient, status from notifications
        where kind = 'overdue_reminder' and customer_id = '${customerId}' order by created_at, dedupe_key`,
    )
  ).rows as {
    dedupe_key: string;
    body: string;
    body_en: string;
    channel: string;
    recipient: string;
    status: string;
  }[];

describe('overdue reminders', () => {
  it('G-6.2.9: the reminder states the amount owed, the days overdue and the liability under the contract', async () => {
    const c = await w.customer({ name: '李欠费' });
    await w.db.insert(contracts).values({
      enterpriseId: w.world.gas.id,
      customerId: c,
      contractNo: `HT-OD-${c.slice(0, 6)}`,
      sector: 'gas',
      signedOn: '2026-01-01',
      validFrom: '2026-01-01',
      terms: { penalty: '逾期每日按欠费金额的千分之一支付违约金' },
    });
    const { notice } = await w.bill(c, {
      period: '2026-09',
      amountFen: 8650,
      issuedOn: '2026-10-01',
      dueDate: '2026-10-11',
    });
    await w.pay('gas_agent', { customerId: c, amountFen: 1000 });
    await runOverdueReminders(w.t.ctx, at('2026-11-26'), w.world.gas.id);
    const [r] = await reminders(c);
    expect(r!.dedupe_key).toBe(`overdue:${notice.id}:d30`);
    expect(r!.body).toContain('¥76.50');
    expect(r!.body).toContain('逾期 46 天');
    expect(r!.body).toContain('违约责任');
    expect(r!.body).toContain('千分之一');
    expect(r!.body).toContain('事先通知');
    expect(r!.body_en).toContain('46 days overdue');
    expect(r!).toMatchObject({ channel: 'sms', recipient: '13805331234', status: 'queued' });
  });

  it('G-6.2.9: one reminder per notice and step however often the job runs; day 1, 15 and 30 each once', async () => {
    const c = await w.customer();
    const { notice } = await w.bill(c, {
      period: '2026-10',
      amountFen: 5000,
      issuedOn: '2026-11-01',
      dueDate: '2026-11-11',
    });
    await runOverdueReminders(w.t.ctx, at('2026-11-11'), w.world.gas.id);
    expect(await reminders(c)).toHaveLength(0);
    for (const day of [
      '2026-11-12',
      '2026-11-12',
      '2026-11-13',
      '2026-11-26',
      '2026-11-30',
      '2026-12-11',
      '2026-12-20',
    ]) {
      await runOverdueReminders(w.t.ctx, at(day), w.world.gas.id);
    }
    expect((await reminders(c)).map((r) => r.dedupe_key)).toEqual(
      ['d1', 'd15', 'd30'].map((s) => `overdue:${notice.id}:${s}`),
    );
  });

  it('G-6.2.9: a paid notice is not reminded', async () => {
    const c = await w.customer();
    await w.bill(c, { period: '2026-10', amountFen: 5000, issuedOn: '2026-11-01', dueDate: '2026-11-11' });
    await w.pay('gas_agent', { customerId: c, amountFen: 5000 });
    await runOverdueReminders(w.t.ctx, at('2026-11-26'), w.world.gas.id);
    expect(await reminders(c)).toHaveLength(0);
  });
});

describe('notification sender', () => {
  it('G-6.2.9: queued messages go to the channel adapter and are marked sent', async () => {
    const sms = new RecordingAdapter('sms-test');
    const letter = new RecordingAdapter('letter-test');
    const r = await sendQueuedNotifications(w.t.database, at('2026-11-26'), {
      sms,
      letter,
      wechat: sms,
      app: sms,
    });
    expect(r.sent).toBeGreaterThan(0);
    expect(sms.sent.some((m) => m.body.includes('违约责任'))).toBe(true);
    expect(await w.count("select count(*)::int as n from notifications where status = 'queued'")).toBe(0);
    expect(
      await w.count(
        "select count(*)::int as n from notifications where status = 'sent' and sent_at is not null",
      ),
    ).toBe(r.sent);
    const again = await sendQueuedNotifications(w.t.database, at('2026-11-26'), { sms, letter });
    expect(again.sent).toBe(0);
  });

  it('a failing channel retries with attempts and the last error, then gives up as failed', async () => {
    const c = await w.customer();
    await w.bill(c, { period: '2026-10', amountFen: 5000, issuedOn: '2026-11-01', dueDate: '2026-11-11' });
    await runOverdueReminders(w.t.ctx, at('2026-11-26'), w.world.gas.id);
    const down = new FailingAdapter('sms-down', 'gateway timeout');
    for (let i = 1; i <= MAX_ATTEMPTS; i += 1) {
      const r = await sendQueuedNotifications(w.t.database, at('2026-11-26'), { sms: down });
      expect(r.sent).toBe(0);
      const [row] = (
        await w.t.database.executeSql(
          `select status, attempts, last_error from notifications where customer_id = '${c}'`,
        )
      ).rows;
      expect(row).toMatchObject({
        attempts: i,
        last_error: 'gateway timeout',
        status: i < MAX_ATTEMPTS ? 'queued' : 'failed',
      });
    }
    const list = (await w.call('gas_admin', 'GET', '/notifications?status=failed')).json();
    expect(list.items.map((i: { customerId: string }) => i.customerId)).toContain(c);
    const ids = list.items.map((i: { id: string }) => i.id);
    expect((await w.call('gas_admin', 'POST', '/notifications/retry', { ids })).json().requeued).toBe(
      ids.length,
    );
    expect((await w.call('heat_agent', 'GET', '/notifications')).json().items).toHaveLength(0);
    expect((await w.call('gas_tech', 'GET', '/notifications')).statusCode).toBe(403);
  });
});
