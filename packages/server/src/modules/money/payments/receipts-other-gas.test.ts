import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createUser } from '../../../testing/harness.ts';
import { account } from '../../service/customers/customers.fixtures.ts';
import { newKey, paymentsTestWorld } from './payments.fixtures.ts';

let w: Awaited<ReturnType<typeof paymentsTestWorld>>;
beforeAll(async () => {
  w = await paymentsTestWorld();
});
afterAll(() => w.t.close());

/** An enterprise of `kind` with a cashier, one customer of `customerKind`, and one payment taken for it. */
async function payAt(kind: string, customerKind: string, channel: string) {
  const ent = await createEnterprise(w.t.database, kind, `测试${kind}公司`);
  const user = `${kind}_cashier`;
  await createUser(w.t.database, ent.id, user, 'agent');
  const cookie = await w.t.login(user);
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    w.t.app.inject({ method, url: `/api${url}`, headers: { cookie }, payload });
  const opened = await call('POST', '/customers', account({ kind: customerKind }));
  expect(opened.statusCode, opened.body).toBe(201);
  const customerId = opened.json().account.id;
  const paid = await call('POST', '/payments', {
    customerId,
    sector: 'gas',
    channel,
    amountFen: 12000,
    idempotencyKey: newKey(),
  });
  expect(paid.statusCode, paid.body).toBe(201);
  const receipt = await call('GET', `/payments/${paid.json().id}/receipt`);
  expect(receipt.statusCode).toBe(200);
  return { ent, receipt: receipt.json() };
}

describe('receipts for every kind of gas business', () => {
  it('G-7.1.7: a bottled-gas company takes a payment and gives a lawful numbered receipt', async () => {
    const { ent, receipt } = await payAt('bottled_gas', 'bottled_gas', 'counter');
    expect(receipt).toMatchObject({
      receiptNo: expect.stringMatching(/^SJ\d{12}$/),
      enterprise: { name: ent.name, creditCode: ent.creditCode },
      amountInWords: '壹佰贰拾元整',
    });
  });

  it('G-8.1.3: a vehicle-gas station gives a lawful receipt when it collects the filling fee', async () => {
    const { ent, receipt } = await payAt('vehicle_gas', 'vehicle_fleet', 'bank');
    expect(receipt).toMatchObject({ enterprise: { name: ent.name }, channel: 'bank', amountFen: 12000 });
    expect(receipt.receiptNo).toMatch(/^SJ2026110{5}1$/);
  });
});
