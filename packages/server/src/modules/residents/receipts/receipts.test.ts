import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentWorld, type ResidentWorld } from '../testing.ts';

// G-6.2.8: a lawful, numbered receipt for every payment — the resident sees those of his bound accounts only.

let w: ResidentWorld;
beforeAll(async () => {
  w = await residentWorld();
  w.at('2026-12-01 09:00');
  await w.bind('gas_resident', 'RQ0001', '李秀英', '0001');
  await w.bind('gas_resident2', 'RQ0002', '王建国', '0002');
}, 60_000);
afterAll(() => w.close());

const pay = async (customerId: string, key: string, amountFen: number) => {
  const res = await w.call('gas_admin', 'POST', '/payments', {
    customerId,
    sector: 'gas',
    channel: 'counter',
    amountFen,
    idempotencyKey: key,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('receipts', () => {
  it('G-6.2.8 the resident sees each payment of his account with its receipt number and opens the receipt', async () => {
    const first = await pay(w.customers.gas, 'receipt-test-1', 5000);
    w.at('2026-12-02 09:00');
    const second = await pay(w.customers.gas, 'receipt-test-2', 12345);
    const list = await w.call('gas_resident', 'GET', `/resident/accounts/${w.customers.gas}/receipts`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toMatchObject([
      { id: second.id, receiptNo: second.receiptNo, amountFen: 12345, channel: 'counter' },
      { id: first.id, receiptNo: first.receiptNo, amountFen: 5000 },
    ]);
    const r = await w.call(
      'gas_resident',
      'GET',
      `/resident/accounts/${w.customers.gas}/receipts/${second.id}`,
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      receiptNo: second.receiptNo,
      amountFen: 12345,
      amountInWords: expect.stringContaining('壹佰贰拾叁元'),
      customer: { accountNo: 'RQ0001' },
    });
  });

  it('G-5.8.1 another household’s receipts are 404, also under the resident’s own account', async () => {
    const theirs = await pay(w.customers.gas2, 'receipt-test-3', 800);
    expect(
      (await w.call('gas_resident', 'GET', `/resident/accounts/${w.customers.gas2}/receipts`)).statusCode,
    ).toBe(404);
    expect(
      (await w.call('gas_resident', 'GET', `/resident/accounts/${w.customers.gas2}/receipts/${theirs.id}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await w.call('gas_resident', 'GET', `/resident/accounts/${w.customers.gas}/receipts/${theirs.id}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await w.call('gas_resident2', 'GET', `/resident/accounts/${w.customers.gas2}/receipts/${theirs.id}`))
        .statusCode,
    ).toBe(200);
  });
});
