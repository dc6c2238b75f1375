import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createUser } from '../../../testing/harness.ts';
import { customerTestWorld, GAS_TERMS, HEAT_TERMS, ID, account, heatAccount } from './customers.fixtures.ts';

let w: Awaited<ReturnType<typeof customerTestWorld>>;
beforeAll(async () => {
  w = await customerTestWorld();
});
afterAll(() => w.t.close());

const call: typeof w.call = (...args) => w.call(...args);
const snapshot = () => w.snapshot();
const open = (who: string, body: object) => w.open(who, body);

describe('accounts', () => {
  it('G-5.8.2: an agent opens an account with premises and a gas contract in one transaction, audited', async () => {
    const before = await snapshot();
    const c = await open(
      'gas_agent',
      account({
        contract: {
          contractNo: 'HT-2026-001',
          signedOn: '2026-03-01',
          validFrom: '2026-03-01',
          terms: GAS_TERMS,
        },
      }),
    );
    expect(c.account).toMatchObject({
      enterpriseId: w.world.gas.id,
      kind: 'pipeline_urban_resident',
      name: '王海涛',
      version: 1,
      status: 'active',
    });
    expect(c.account.address).toBe('张店区 华光路街道 华光社区 3号楼 2单元 5层 502室');
    expect(c.premises).toHaveLength(1);
    expect(c.contracts).toEqual([
      expect.objectContaining({
        contractNo: 'HT-2026-001',
        sector: 'gas',
        premisesId: c.premises[0].id,
        settlementCycle: 'bimonthly',
        terms: expect.objectContaining({ calorificValueMJ: 35.6 }),
      }),
    ]);
    expect(await snapshot()).toEqual({
      ...before,
      customers: before.customers + 1,
      premises: before.premises + 1,
      contracts: before.contracts + 1,
      audit: before.audit + 1,
      versions: before.versions + 1,
    });
    const { rows } = await w.t.database.executeSql(
      `select after::text as after from audit_events where action = 'customer.create' and entity_id = $1`,
      [c.account.id],
    );
    expect(rows[0]!.after).toContain('HT-2026-001');
    expect(rows[0]!.after).not.toContain(ID); // the audit trail keeps personal data masked too
  });

  it('every kind the standards name exists, and the kind must fit the enterprise (422 CUSTOMER_KIND_NOT_ALLOWED)', async () => {
    for (const kind of ['pipeline_urban_resident', 'pipeline_rural_resident', 'pipeline_non_resident']) {
      await open('gas_agent', account({ kind }));
    }
    await open(
      'heat_agent',
      heatAccount({ kind: 'heating_non_resident', idCard: null, name: '淄川区实验小学' }),
    );
    for (const [enterpriseKind, kind] of [
      ['bottled_gas', 'bottled_gas'],
      ['vehicle_gas', 'vehicle_fleet'],
    ] as const) {
      const e = await createEnterprise(w.t.database, enterpriseKind);
      await createUser(w.t.database, e.id, `${enterpriseKind}_agent`, 'agent');
      const cookie = await w.t.login(`${enterpriseKind}_agent`);
      const res = await w.t.app.inject({
        method: 'POST',
        url: '/api/customers',
        headers: { cookie },
        payload: account({ kind, name: '淄博示范车队', idCard: null }),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().account).toMatchObject({ kind, accountNo: expect.any(String) });
    }
    const before = await snapshot();
    for (const [who, kind] of [
      ['gas_agent', 'heating_resident'],
      ['gas_agent', 'vehicle_fleet'],
      ['heat_agent', 'bottled_gas'],
    ] as const) {
      const res = await call(
        who,
        'POST',
        '/customers',
        who === 'heat_agent' ? heatAccount({ kind }) : account({ kind }),
      );
      expect(res.statusCode, kind).toBe(422);
      expect(res.json()).toMatchObject({ code: 'CUSTOMER_KIND_NOT_ALLOWED', details: { field: 'kind' } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('issues an account number when none is given', async () => {
    const a = await open('gas_agent', account({ accountNo: undefined }));
    const b = await open('gas_agent', account({ accountNo: undefined }));
    expect(a.account.accountNo).toMatch(/^RQ\d{8}$/);
    expect(Number(b.account.accountNo.slice(2))).toBe(Number(a.account.accountNo.slice(2)) + 1);
  });

  it('validation: unknown field 400, bad ID number or phone 422, taken account number 409 — nothing written', async () => {
    const before = await snapshot();
    const unknown = await call('gas_agent', 'POST', '/customers', { ...account(), vip: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('VALIDATION_FAILED');
    const badId = await call(
      'gas_agent',
      'POST',
      '/customers',
      account({ idCard: ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0') }),
    );
    expect(badId.statusCode).toBe(422);
    expect(badId.json()).toMatchObject({
      code: 'ID_CARD_INVALID',
      details: { field: 'idCard', problem: 'check' },
    });
    const badPhone = await call('gas_agent', 'POST', '/customers', account({ phone: '1380533' }));
    expect(badPhone.json()).toMatchObject({ code: 'PHONE_INVALID', details: { field: 'phone' } });
    const floor = await call(
      'gas_agent',
      'POST',
      '/customers',
      account({ premises: { district: '张店区', floor: 9, buildingFloors: 6 } }),
    );
    expect(floor.json()).toMatchObject({
      code: 'PREMISES_FLOOR_INVALID',
      details: { field: 'premises.floor' },
    });
    const area = await call(
      'heat_agent',
      'POST',
      '/customers',
      heatAccount({ premises: { district: '淄川区' } }),
    );
    expect(area.json()).toMatchObject({
      code: 'PREMISES_FIELDS_MISSING',
      details: { fields: ['premises.heatedAreaM2'] },
    });
    const c = await open('gas_agent', account());
    const taken = await call(
      'gas_agent',
      'POST',
      '/customers',
      account({ accountNo: c.account.accountNo.toLowerCase() }),
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'DUPLICATE', details: { field: 'accountNo' } });
    expect((await snapshot()).customers).toBe(before.customers + 1);
  });

  it('G-5.9.9: special-care customers are flagged', async () => {
    const c = await open(
      'gas_agent',
      account({ specialCare: true, specialCareNote: '独居老人，行动不便，需上门服务' }),
    );
    expect(c.account).toMatchObject({ specialCare: true, specialCareNote: '独居老人，行动不便，需上门服务' });
    const found = (await call('gas_agent', 'GET', `/customers?q=${c.account.accountNo}`)).json().items[0];
    expect(found).toMatchObject({ id: c.account.id, specialCare: true });
  });

  it('PATCH with a stale version gets 409 VERSION_CONFLICT and changes nothing', async () => {
    const c = await open('gas_agent', account());
    const ok = await call('gas_agent', 'PATCH', `/customers/${c.account.id}`, {
      phone: '0533 2345678',
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().account).toMatchObject({ version: 2, phone: '053*****5678' });
    const before = await snapshot();
    const stale = await call('gas_billing', 'PATCH', `/customers/${c.account.id}`, {
      name: '王海',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 2, sentVersion: 1 },
    });
    const noVersion = await call('gas_agent', 'PATCH', `/customers/${c.account.id}`, { name: '王海' });
    expect(noVersion.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
    // the landline is stored with its area-code hyphen and found by either form
    const byPhone = (await call('gas_agent', 'GET', '/customers?q=05332345678')).json().items;
    expect(byPhone.map((x: { id: string }) => x.id)).toContain(c.account.id);
  });
});

describe('contracts', () => {
  it('G-5.3.3: a gas contract without calorific value is refused', async () => {
    const c = await open('gas_agent', account());
    const before = await snapshot();
    const { calorificValueMJ: _omit, ...terms } = GAS_TERMS;
    const res = await call('gas_agent', 'POST', `/customers/${c.account.id}/contracts`, {
      contractNo: 'HT-NOCV',
      signedOn: '2026-03-01',
      validFrom: '2026-03-01',
      terms,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'CONTRACT_FIELDS_MISSING',
      details: { fields: ['terms.calorificValueMJ'] },
    });
    expect(res.json().messages.zh).toContain('热值');
    const inOpening = await call(
      'gas_agent',
      'POST',
      '/customers',
      account({
        contract: {
          contractNo: 'HT-NOCV2',
          signedOn: '2026-03-01',
          validFrom: '2026-03-01',
          terms: { gasType: 'natural_gas' },
        },
      }),
    );
    expect(inOpening.json().code).toBe('CONTRACT_FIELDS_MISSING');
    expect(inOpening.json().details.fields).toEqual(
      expect.arrayContaining([
        'terms.calorificValueMJ',
        'terms.pressureKPa',
        'terms.flowM3h',
        'terms.settlementCycle',
        'terms.dataProtection',
      ]),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('H-7.1.5: a heating contract states medium and parameters, billing, liability and penalty; gas fields do not belong', async () => {
    const c = await open('heat_agent', heatAccount());
    const premisesId = c.premises[0].id;
    const res = await call('heat_agent', 'POST', `/customers/${c.account.id}/contracts`, {
      contractNo: 'GR-2026-7',
      signedOn: '2026-10-01',
      validFrom: '2026-11-15',
      validTo: '2027-03-15',
      premisesId,
      terms: HEAT_TERMS,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      sector: 'heating',
      premisesId,
      settlementCycle: 'season',
      terms: { medium: 'hot_water', supplyTempC: 85, liability: HEAT_TERMS.liability },
    });
    const { penalty: _p, ...noPenalty } = HEAT_TERMS;
    const missing = await call('heat_agent', 'POST', `/customers/${c.account.id}/contracts`, {
      contractNo: 'GR-X',
      signedOn: '2026-10-01',
      validFrom: '2026-11-15',
      terms: noPenalty,
    });
    expect(missing.json()).toMatchObject({
      code: 'CONTRACT_FIELDS_MISSING',
      details: { fields: ['terms.penalty'] },
    });
    const foreign = await call('heat_agent', 'POST', `/customers/${c.account.id}/contracts`, {
      contractNo: 'GR-Y',
      signedOn: '2026-10-01',
      validFrom: '2026-11-15',
      terms: { ...HEAT_TERMS, calorificValueMJ: 35 },
    });
    expect(foreign.json()).toMatchObject({
      code: 'CONTRACT_FIELDS_NOT_APPLICABLE',
      details: { fields: ['terms.calorificValueMJ'] },
    });
    const cold = await call('heat_agent', 'POST', `/customers/${c.account.id}/contracts`, {
      contractNo: 'GR-Z',
      signedOn: '2026-10-01',
      validFrom: '2026-11-15',
      terms: { ...HEAT_TERMS, returnTempC: 90 },
    });
    expect(cold.json()).toMatchObject({ code: 'CONTRACT_TERMS_INVALID' });
    const dates = await call('heat_agent', 'POST', `/customers/${c.account.id}/contracts`, {
      contractNo: 'GR-D',
      signedOn: '2026-10-01',
      validFrom: '2026-11-15',
      validTo: '2026-11-01',
      terms: HEAT_TERMS,
    });
    expect(dates.json().code).toBe('CONTRACT_DATES_INVALID');
    const again = await call('heat_agent', 'POST', `/customers/${c.account.id}/contracts`, {
      contractNo: 'GR-2026-7',
      signedOn: '2026-10-01',
      validFrom: '2026-11-15',
      terms: HEAT_TERMS,
    });
    expect(again.statusCode).toBe(409);
  });

  it('premises: a second address is added and becomes searchable', async () => {
    const c = await open('heat_agent', heatAccount());
    const res = await call('heat_agent', 'POST', `/customers/${c.account.id}/premises`, {
      district: '博山区',
      street: '城东街道',
      community: '峨眉山社区',
      building: '12',
      room: '301',
      heatedAreaM2: 120,
      orientation: 'sunny',
      networkPosition: 'near',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      address: '博山区 城东街道 峨眉山社区 12号楼 301室',
      heatedAreaM2: 120,
      orientation: 'sunny',
    });
    const found = (await call('heat_agent', 'GET', `/customers?q=${encodeURIComponent('峨眉山')}`)).json()
      .items;
    expect(found.map((x: { id: string }) => x.id)).toEqual([c.account.id]);
    expect((await call('heat_agent', 'GET', `/customers/${c.account.id}`)).json().account.version).toBe(1);
  });
});
