import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderWorld, type OrderWorld } from '../../service/workorders/testing.ts';

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-11-26 09:00');
});
afterAll(() => w.close());

const url = () => `/customers/${w.customers.gas}/safety-education`;

describe('safety handbook and education per customer (G-5.10.1, G-5.10.6)', () => {
  it('G-5.10.1, G-5.10.6 records add up: the handbook at connection, the rest at the inspection; coverage names what is missing', async () => {
    const first = await w.call('gas_agent', 'POST', url(), {
      occasion: 'connection',
      handbookGiven: true,
      topics: ['basics', 'appliances', 'conditions', 'rights'],
      givenOn: '2026-11-20',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().coverage).toMatchObject({
      handbookGiven: true,
      complete: false,
      missing: ['requirements', 'contacts', 'accidents', 'unlawful'],
    });
    const second = await w.call('gas_inspector', 'POST', url(), {
      occasion: 'inspection',
      handbookGiven: false,
      topics: ['requirements', 'contacts', 'accidents', 'unlawful'],
      givenOn: '2026-11-26',
      note: '入户安检时讲解',
    });
    expect(second.statusCode, second.body).toBe(201);
    const now = second.json();
    expect(now.coverage).toMatchObject({ handbookGiven: true, complete: true, missing: [] });
    expect(now.records.map((r: { occasion: string }) => r.occasion)).toEqual(['inspection', 'connection']);
    expect(now.records[0].givenBy).toBeTruthy();
  });

  it('G-5.10.1 refuses an empty or future record and another enterprise’s customer, writing nothing', async () => {
    const before = (await w.call('gas_agent', 'GET', url())).json().records.length;
    const empty = { occasion: 'counter', handbookGiven: false, topics: [], givenOn: '2026-11-26' };
    expect((await w.call('gas_agent', 'POST', url(), empty)).json().code).toBe('VALIDATION_FAILED');
    const future = { occasion: 'counter', handbookGiven: true, topics: [], givenOn: '2026-11-27' };
    expect((await w.call('gas_agent', 'POST', url(), future)).json().code).toBe('VALIDATION_FAILED');
    const unknownTopic = {
      occasion: 'counter',
      handbookGiven: true,
      topics: ['cooking'],
      givenOn: '2026-11-26',
    };
    expect((await w.call('gas_agent', 'POST', url(), unknownTopic)).statusCode).toBe(400);
    const other = { occasion: 'counter', handbookGiven: true, topics: [], givenOn: '2026-11-26' };
    expect((await w.call('heat_agent', 'POST', url(), other)).statusCode).toBe(404);
    expect((await w.call('heat_agent', 'GET', url())).statusCode).toBe(404);
    expect((await w.call('reg', 'POST', url(), other)).statusCode).toBe(403);
    expect((await w.call('gas_agent', 'GET', url())).json().records.length).toBe(before);
  });
});
