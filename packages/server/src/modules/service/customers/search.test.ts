import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, seedTestWorld, type TestApp } from '../../../testing/harness.ts';
import { account, heatAccount } from './customers.fixtures.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  await seedTestWorld(t.database);
  for (const u of ['reg', 'gas_agent', 'heat_agent']) cookies[u] = await t.login(u);
  const open = async (key: string, who: string, body: object) => {
    const res = await call(who, `/customers`, body);
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().account.id;
  };
  await open(
    'exact',
    'gas_agent',
    account({ accountNo: 'ZB20260001', name: '李国栋', phone: '13905330001' }),
  );
  // Its account number contains the first one's: a fragment match, shown after the exact one.
  await open(
    'longer',
    'gas_agent',
    account({ accountNo: 'ZB202600010', name: '张志强', phone: '13905330002' }),
  );
  // Its second phone is the first one's phone: an exact phone match too.
  await open(
    'sharedPhone',
    'gas_agent',
    account({ accountNo: 'ZB20269999', name: '刘芳', phone: '15805339999', phone2: '13905330001' }),
  );
  await open(
    'haitao',
    'gas_agent',
    account({ accountNo: 'ZB20260100', name: '王海涛', phone: '13705330100' }),
  );
  await open(
    'rural',
    'gas_agent',
    account({
      accountNo: 'ZB20260200',
      kind: 'pipeline_rural_resident',
      name: '赵立新',
      phone: null,
      premises: { district: '淄川区', street: '寨里镇', community: '西河村', room: '18' },
    }),
  );
  for (let i = 0; i < 23; i++) {
    await open(
      `page${i}`,
      'gas_agent',
      account({
        accountNo: `ZBP${String(i).padStart(5, '0')}`,
        name: `翻页${i}`,
        phone: null,
        premises: { district: '临淄区', street: '闻韶街道', community: '齐都花园', building: String(i + 1) },
      }),
    );
  }
  await open('heat', 'heat_agent', heatAccount({ accountNo: 'ZB20260001', name: '王海涛' }));
});
afterAll(() => t.close());

function call(who: string, url: string, payload?: object) {
  return t.app.inject({
    method: payload ? 'POST' : 'GET',
    url: `/api${url}`,
    headers: { cookie: cookies[who]! },
    payload,
  });
}
async function search(who: string, query: string) {
  const res = await call(who, `/customers?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; accountNo: string; name: string }[];
    nextCursor: string | null;
  };
}
const q = (text: string) => `q=${encodeURIComponent(text)}`;
const names = (r: { items: { id: string }[] }) =>
  r.items.map((x) => Object.keys(ids).find((k) => ids[k] === x.id));

describe('G-5.8.2: finding the caller', () => {
  it('exact account number first, then accounts whose text contains it', async () => {
    expect(names(await search('gas_agent', q('ZB20260001')))).toEqual(['exact', 'longer']);
    // lower case and full-width digits, as a Chinese keyboard types them
    expect(names(await search('gas_agent', q('ｚｂ２０２６０００１')))[0]).toBe('exact');
  });

  it('exact phone first (main or second phone), then phone fragments', async () => {
    expect(names(await search('gas_agent', q('13905330001')))).toEqual(['exact', 'sharedPhone']);
    expect(names(await search('gas_agent', q('139 0533 0001')))).toEqual(['exact', 'sharedPhone']);
    expect(names(await search('gas_agent', q('0533000')))).toEqual(['exact', 'longer', 'sharedPhone']);
  });

  it('one- and two-character Chinese fragments of names and addresses', async () => {
    expect(names(await search('gas_agent', q('海涛')))).toEqual(['haitao']);
    expect(names(await search('gas_agent', q('涛')))).toEqual(['haitao']);
    expect(names(await search('gas_agent', q('西河')))).toEqual(['rural']);
    expect(names(await search('gas_agent', q('寨里镇 西河村')))).toEqual(['rural']);
    expect(names(await search('gas_agent', q('淄川区 寨里镇 西河村 18室')))).toEqual(['rural']);
    expect((await search('gas_agent', q('不存在的地址'))).items).toEqual([]);
  });

  it('LIKE wildcards in the query are plain characters', async () => {
    expect((await search('gas_agent', q('%'))).items).toEqual([]);
    expect((await search('gas_agent', q('_'))).items).toEqual([]);
  });

  it('kind filter, and scope: the heating agent finds only his own 王海涛', async () => {
    expect(names(await search('gas_agent', 'kind=pipeline_rural_resident'))).toEqual(['rural']);
    expect(names(await search('heat_agent', q('王海涛')))).toEqual(['heat']);
    expect(names(await search('heat_agent', q('ZB20260001')))).toEqual(['heat']);
    expect(names(await search('reg', q('王海涛'))).sort()).toEqual(['haitao', 'heat']);
  });

  it('pages with a cursor, no row twice, exact matches only on the first page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await search('gas_agent', `${q('齐都花园')}&limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(23);

    const exactFirst = await search('gas_agent', `${q('ZB20260001')}&limit=1`);
    expect(names(exactFirst)).toEqual(['exact']);
    const after = await search('gas_agent', `${q('ZB20260001')}&limit=1&cursor=${exactFirst.nextCursor}`);
    expect(names(after)).toEqual(['longer']);
    expect(after.nextCursor).toBeNull();

    const first = await search('gas_agent', `${q('ZB2026')}&limit=2`);
    const rest = await search('gas_agent', `${q('ZB2026')}&limit=10&cursor=${first.nextCursor}`);
    const all = [...first.items, ...rest.items].map((x) => x.accountNo);
    expect(all).toEqual(['ZB20260001', 'ZB202600010', 'ZB20260100', 'ZB20260200', 'ZB20269999']);
    expect(rest.nextCursor).toBeNull();

    const bad = await call('gas_agent', '/customers?cursor=bm90LWEtY3Vyc29y');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });
});
