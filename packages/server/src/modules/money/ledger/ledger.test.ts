import fc from 'fast-check';
import { ledgerBalance, type LedgerEvent } from '@ranre/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, paymentsTestWorld } from '../payments/payments.fixtures.ts';

let w: Awaited<ReturnType<typeof paymentsTestWorld>>;
beforeAll(async () => {
  w = await paymentsTestWorld();
});
afterAll(() => w.t.close());

describe('account statement', () => {
  it('G-6.2.9: opening balance, entries with running balance, closing balance, and arrears with days overdue', async () => {
    const c = await w.customer();
    await w.bill(c, { period: '2026-08', amountFen: 12000, issuedOn: '2026-09-02', dueDate: '2026-09-12' });
    await w.bill(c, { period: '2026-09', amountFen: 9000, issuedOn: '2026-10-02', dueDate: '2026-10-12' });
    await w.bill(c, { period: '2026-10', amountFen: 7000, issuedOn: '2026-11-02', dueDate: '2026-11-30' });
    await w.pay('gas_agent', { customerId: c, amountFen: 15000 });
    const res = await w.call('gas_agent', 'GET', `/customers/${c}/statement?from=2026-10-01`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.openingBalanceFen).toBe(12000);
    expect(
      s.entries.map((e: { kind: string; runningBalanceFen: number }) => [e.kind, e.runningBalanceFen]),
    ).toEqual([
      ['charge', 21000],
      ['charge', 28000],
      ['payment', 13000],
    ]);
    expect(s.entries[0]).toMatchObject({
      period: '2026-09',
      dueDate: '2026-10-12',
      noticeNo: expect.any(String),
    });
    expect(s.closingBalanceFen).toBe(13000);
    // 15000 paid settles the August bill and 3000 of September: 6000 is 45 days overdue; October not yet due.
    expect(s.arrears).toMatchObject({
      balanceFen: 13000,
      outstandingFen: 13000,
      overdueFen: 6000,
      maxDaysOverdue: 45,
      oldestDueDate: '2026-10-12',
    });
    expect(
      s.arrears.items.map((i: { period: string; outstandingFen: number; overdue: boolean }) => [
        i.period,
        i.outstandingFen,
        i.overdue,
      ]),
    ).toEqual([
      ['2026-09', 6000, true],
      ['2026-10', 7000, false],
    ]);
    const bad = await w.call('gas_agent', 'GET', `/customers/${c}/statement?from=2026-12-01&to=2026-11-01`);
    expect(bad.statusCode).toBe(400);
    expect((await w.call('gas_agent', 'GET', `/customers/${c}/statement?from=yesterday`)).statusCode).toBe(
      400,
    );
  });

  it('scoping: another enterprise’s statement answers 404; the regulator reads it', async () => {
    const c = await w.customer();
    expect((await w.call('heat_agent', 'GET', `/customers/${c}/statement`)).statusCode).toBe(404);
    expect((await w.call('reg', 'GET', `/customers/${c}/statement`)).statusCode).toBe(200);
  });
});

describe('arrears list', () => {
  it('G-6.2.9: lists only accounts with overdue money, sortable, scoped to the enterprise', async () => {
    const small = await w.customer({ name: '欠费少' });
    const big = await w.customer({ name: '欠费多' });
    await w.bill(small, {
      period: '2026-10',
      amountFen: 3000,
      issuedOn: '2026-10-01',
      dueDate: '2026-10-11',
    });
    await w.bill(big, { period: '2026-07', amountFen: 50000, issuedOn: '2026-11-01', dueDate: '2026-11-11' });
    const list = (await w.call('gas_agent', 'GET', '/arrears?sort=overdue')).json();
    const ids = list.items.map((i: { customerId: string }) => i.customerId);
    expect(ids.indexOf(big)).toBeLessThan(ids.indexOf(small));
    expect(list.items.find((i: { customerId: string }) => i.customerId === small)).toMatchObject({
      overdueFen: 3000,
      maxDaysOverdue: 46,
      name: '欠费少',
    });
    const byDays = (await w.call('gas_agent', 'GET', '/arrears?sort=days')).json().items;
    expect(byDays[0].maxDaysOverdue).toBeGreaterThanOrEqual(byDays.at(-1).maxDaysOverdue);
    expect(list.totalOverdueFen).toBe(
      list.items.reduce((s: number, i: { overdueFen: number }) => s + i.overdueFen, 0),
    );
    expect((await w.call('heat_agent', 'GET', '/arrears')).json().total).toBe(0);
    expect((await w.call('gas_tech', 'GET', '/arrears')).statusCode).toBe(403);
    expect((await w.call('gas_agent', 'GET', '/arrears?sort=sideways')).statusCode).toBe(400);
    await w.pay('gas_agent', { customerId: small, amountFen: 3000 });
    const after = (await w.call('gas_agent', 'GET', '/arrears'))
      .json()
      .items.map((i: { customerId: string }) => i.customerId);
    expect(after).not.toContain(small);
  });
});

describe('adjustments', () => {
  it('a billing clerk books a signed adjustment with a reason, audited; an agent may not; no reason → 400', async () => {
    const c = await w.customer();
    const audit = await w.count("select count(*)::int as n from audit_events where action = 'ledger.adjust'");
    const res = await w.call('gas_billing', 'POST', `/customers/${c}/adjustments`, {
      amountFen: -2500,
      reason: '计量争议补偿（测试）',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ amountFen: -2500, balanceFen: -2500 });
    expect(await w.count("select count(*)::int as n from audit_events where action = 'ledger.adjust'")).toBe(
      audit + 1,
    );
    for (const body of [
      { amountFen: 100 },
      { amountFen: 100, reason: ' ' },
      { amountFen: 0, reason: '零调整' },
      { amountFen: 1.5, reason: '小数' },
    ]) {
      expect((await w.call('gas_billing', 'POST', `/customers/${c}/adjustments`, body)).statusCode).toBe(400);
    }
    expect(
      (
        await w.call('gas_agent', 'POST', `/customers/${c}/adjustments`, {
          amountFen: 100,
          reason: '代理调账',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await w.call('heat_admin', 'POST', `/customers/${c}/adjustments`, {
          amountFen: 100,
          reason: '跨企业',
        })
      ).statusCode,
    ).toBe(404);
    const key = newKey();
    const once = { amountFen: 700, reason: '补收', idempotencyKey: key };
    await w.call('gas_billing', 'POST', `/customers/${c}/adjustments`, once);
    await w.call('gas_billing', 'POST', `/customers/${c}/adjustments`, once);
    expect(await w.balance(c)).toBe(-2500 + 700);
    expect(
      (await w.call('gas_billing', 'POST', `/customers/${c}/adjustments`, { ...once, amountFen: 701 }))
        .statusCode,
    ).toBe(409);
  });
});

describe('ledger invariant', () => {
  type Op = { kind: 'charge' | 'payment' | 'adjustment'; amountFen: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('charge' as const), amountFen: fc.integer({ min: 1, max: 500_000 }) }),
    fc.record({ kind: fc.constant('payment' as const), amountFen: fc.integer({ min: 1, max: 500_000 }) }),
    fc.record({
      kind: fc.constant('adjustment' as const),
      amountFen: fc.integer({ min: -200_000, max: 200_000 }).filter((n) => n !== 0),
    }),
  );

  it('property: charges − payments + adjustments = balance, in SQL, in the domain and on the statement', async () => {
    let month = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const c = await w.customer();
        const events: LedgerEvent[] = [];
        for (const o of ops) {
          if (o.kind === 'charge') {
            month += 1;
            const period = `20${10 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
            await w.bill(c, {
              period,
              amountFen: o.amountFen,
              issuedOn: '2026-11-01',
              dueDate: '2026-11-11',
            });
          } else if (o.kind === 'payment') {
            await w.pay('gas_agent', { customerId: c, amountFen: o.amountFen });
          } else {
            const res = await w.call('gas_billing', 'POST', `/customers/${c}/adjustments`, {
              amountFen: o.amountFen,
              reason: '性质测试调整',
            });
            expect(res.statusCode, res.body).toBe(201);
          }
          events.push(
            o.kind === 'adjustment'
              ? { ...o, kind: 'adjustment', ref: 'x', reason: 'r' }
              : ({ ...o, ref: 'x' } as LedgerEvent),
          );
        }
        const sums = (
          await w.t.database.executeSql(
            `select coalesce(sum(amount_fen) filter (where kind = 'charge'), 0)::int as c,
                    coalesce(sum(amount_fen) filter (where kind = 'payment'), 0)::int as p,
                    coalesce(sum(amount_fen) filter (where kind = 'adjustment'), 0)::int as a
               from ledger_entries where customer_id = '${c}'`,
          )
        ).rows[0] as { c: number; p: number; a: number };
        const domain = ledgerBalance(events);
        const sqlBalance = await w.balance(c);
        expect(sums.c - sums.p + sums.a).toBe(sqlBalance);
        expect(domain.balanceFen).toBe(sqlBalance);
        expect(domain.chargesFen - domain.paymentsFen + domain.adjustmentsFen).toBe(sqlBalance);
        const s = (await w.call('gas_agent', 'GET', `/customers/${c}/statement`)).json();
        expect(s.closingBalanceFen).toBe(sqlBalance);
        expect(s.arrears.balanceFen).toBe(sqlBalance);
      }),
      { numRuns: 12, seed: 20261126 },
    );
  }, 120_000);
});
