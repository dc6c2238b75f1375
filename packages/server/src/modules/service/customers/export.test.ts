import { withIdCardCheckDigit } from '@ranre/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, seedTestWorld, type TestApp } from '../../../testing/harness.ts';
import { account } from './customers.fixtures.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  await seedTestWorld(t.database);
  for (const u of ['reg', 'gas_admin', 'gas_agent']) cookies[u] = await t.login(u);
});
afterAll(() => t.close());

const post = (who: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api${url}`, headers: { cookie: cookies[who]! }, payload });
const get = (who: string, url: string) =>
  t.app.inject({ url: `/api${url}`, headers: { cookie: cookies[who]! } });
const count = async (sql: string) => Number((await t.database.executeSql(sql)).rows[0]!.n);
const HEADER = [
  '户号',
  '客户类型',
  '姓名',
  '身份证号',
  '电话',
  '区县',
  '街道',
  '社区',
  '楼号',
  '单元',
  '楼层',
  '总层数',
  '房号',
  '供热面积',
  '朝向',
  '管网位置',
  '特殊关怀',
];
const GOOD_ID = withIdCardCheckDigit('37030319620304112');

describe('template and export', () => {
  it('the import template carries the documented headers (xlsx with instructions, csv)', async () => {
    const x = await get('gas_agent', '/customers/import-template?format=xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0]!.getRow(1).values as string[]).slice(1)).toEqual(expect.arrayContaining(HEADER));
    expect(wb.worksheets[1]!.name).toContain('说明');
    const c = await get('gas_agent', '/customers/import-template?format=csv');
    expect(c.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(c.body.replace('\uFEFF', '').split('\r\n')[0]!.split(',')).toEqual(expect.arrayContaining(HEADER));
  });

  it('G-5.7.6: the export is masked and audited; only the admin and the regulator export', async () => {
    await post(
      'gas_agent',
      '/customers',
      account({ accountNo: 'EXP000001', name: '=HYPERLINK("x")', idCard: GOOD_ID, phone: '13805337777' }),
    );
    const res = await get('gas_admin', '/customers/export?format=xlsx&q=EXP000001');
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = ws.getRow(1).values as string[];
    const row = ws.getRow(2).values as string[];
    const at = (h: string) => row[header.indexOf(h)];
    expect(at('户号')).toBe('EXP000001');
    expect(at('身份证号')).toBe(`370303********${GOOD_ID.slice(-4)}`);
    expect(at('电话')).toBe('138****7777');
    expect(at('地址')).toBe('张店区 华光路街道 华光社区 3号楼 2单元 5层 502室');
    const csvRes = await get('gas_admin', '/customers/export?format=csv&q=EXP000001');
    expect(csvRes.body).toContain(`370303********${GOOD_ID.slice(-4)}`);
    expect(csvRes.body).not.toContain(GOOD_ID);
    expect(csvRes.body).toContain(`"'=HYPERLINK(""x"")"`); // a formula in a name stays text
    expect(await count(`select count(*)::int as n from audit_events where action = 'customer.export'`)).toBe(
      2,
    );
    expect((await get('gas_agent', '/customers/export')).statusCode).toBe(403);
    expect((await get('reg', '/customers/export?format=csv')).statusCode).toBe(200);
  });
});
