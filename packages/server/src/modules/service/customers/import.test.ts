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
  for (const u of ['reg', 'gas_admin', 'gas_agent', 'heat_admin']) cookies[u] = await t.login(u);
});
afterAll(() => t.close());

const post = (who: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api${url}`, headers: { cookie: cookies[who]! }, payload });
const get = (who: string, url: string) =>
  t.app.inject({ url: `/api${url}`, headers: { cookie: cookies[who]! } });
const importFile = (who: string, format: 'csv' | 'xlsx', bytes: Buffer, dryRun?: boolean) =>
  post(who, '/customers/import', {
    format,
    fileBase64: bytes.toString('base64'),
    ...(dryRun === undefined ? {} : { dryRun }),
  });

const count = async (sql: string, values: unknown[] = []) =>
  Number((await t.database.executeSql(sql, values)).rows[0]!.n);
const snapshot = async () => ({
  customers: await count('select count(*)::int as n from customers'),
  premises: await count('select count(*)::int as n from premises'),
  audit: await count('select count(*)::int as n from audit_events'),
});
const id = (body17: string) => withIdCardCheckDigit(body17);
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\r\n'), 'utf8');
const text = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

const HEADER =
  '户号,客户类型,姓名,身份证号,电话,区县,街道,社区,楼号,单元,楼层,总层数,房号,供热面积,朝向,管网位置,特殊关怀'.split(
    ',',
  );
const GOOD_ID = id('37030319620304112');
const BAD_ID = GOOD_ID.slice(0, 17) + (GOOD_ID[17] === '1' ? '2' : '1');

describe('import (G-5.8.2: the archive brought in from Excel and CSV)', () => {
  it('CSV: good rows kept, every bad row reported with its row number and reasons in zh and en', async () => {
    await post('gas_agent', '/customers', account({ accountNo: 'IMP000009' }));
    const before = await snapshot();
    const file = text(
      HEADER.join(','),
      `IMP000001,城镇居民,孙晓燕,${GOOD_ID},13805330001,张店区,华光路街道,华光社区,3,2,5,6,502,,,,否`,
      'IMP000002,管道燃气农村居民用户,赵立新,,0533-2961000,淄川区,寨里镇,西河村,,,,,18,,,,是，独居老人',
      `IMP000003,城镇居民,李国栋,${BAD_ID},1380533,张店区,,,,,,,,,,,`,
      'IMP000004,供热居民,王海涛,,,张店区,,,,,,,,,,,',
      ',城镇居民,,,,,,,,,,,,,,,',
      'IMP000005,城镇居民,张志强,,,张店区,,,,,九,6,,,,,也许',
      'IMP000006,非居民,淄博示范饭店,,0533-2345678,周村区,丝绸路街道,,,,,,,,,,',
      'IMP000006,非居民,另一家饭店,,,周村区,,,,,,,,,,,',
      'IMP000009,城镇居民,刘芳,,,张店区,,,,,,,,,,,',
      ',,,,,,,,,,,,,,,,',
    );
    const res = await importFile('gas_admin', 'csv', file);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.imported).toBe(2);
    expect(body.dryRun).toBe(false);
    const byRow = Object.fromEntries(
      body.rejected.map((r: { row: number; reasons: { code: string }[] }) => [
        r.row,
        r.reasons.map((x) => x.code),
      ]),
    );
    expect(byRow).toEqual({
      4: ['ID_CARD_INVALID', 'PHONE_INVALID'],
      5: ['KIND_UNKNOWN'],
      6: ['REQUIRED', 'REQUIRED', 'REQUIRED'],
      7: ['NUMBER_INVALID', 'VALUE_INVALID'],
      8: ['DUPLICATE_IN_FILE'],
      9: ['DUPLICATE_IN_FILE'],
      10: ['DUPLICATE'],
    });
    const idReason = body.rejected.find((r: { row: number }) => r.row === 4).reasons[0];
    expect(idReason).toMatchObject({
      column: '身份证号',
      zh: expect.stringContaining('校验位'),
      en: expect.stringContaining('check digit'),
    });
    expect(body.rejected.find((r: { row: number }) => r.row === 8).reasons[0].zh).toContain('第 8、9 行');
    expect(await snapshot()).toEqual({
      customers: before.customers + 2,
      premises: before.premises + 2,
      audit: before.audit + 1,
    });
    const care = (await get('gas_agent', '/customers?q=IMP000002')).json().items[0];
    expect(care).toMatchObject({
      name: '赵立新',
      kind: 'pipeline_rural_resident',
      specialCare: true,
      specialCareNote: '独居老人',
      phone: '053*****1000',
      address: '淄川区 寨里镇 西河村 18室',
    });
    const { rows } = await t.database.executeSql(
      `select after from audit_events where action = 'customer.import' order by id desc limit 1`,
    );
    expect(rows[0]!.after).toMatchObject({
      format: 'csv',
      imported: 2,
      rejected: 7,
      accountNos: ['IMP000001', 'IMP000002'],
    });
  });

  it('XLSX built with exceljs, English headers, numbers in cells; an ID number Excel stored as a number is explained', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow([
      'Account No',
      'Kind',
      'Name',
      'ID Number',
      'Phone',
      'District',
      'Community',
      'Building',
      'Floor',
      'Building floors',
      'Room',
      'Special care',
    ]);
    ws.addRow([
      'XLS000001',
      'pipeline_urban_resident',
      '周丽华',
      id('37030419700101222'),
      13905331111,
      '博山区',
      '峨眉山社区',
      12,
      3,
      6,
      301,
      '是',
    ]);
    ws.addRow([
      'XLS000002',
      '管道燃气城镇居民用户',
      '吴建国',
      Number(GOOD_ID.slice(0, 17) + '0'),
      13905332222,
      '临淄区',
      '齐都花园',
      '5号楼',
      2,
      18,
      '202',
      'N',
    ]);
    ws.addRow([
      'XLS000003',
      '城镇居民',
      '郑秀英',
      null,
      { richText: [{ text: '1390533' }, { text: '3333' }] },
      '周村区',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    const res = await importFile('gas_admin', 'xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(2);
    expect(res.json().rejected).toHaveLength(1);
    expect(res.json().rejected[0]).toMatchObject({
      row: 3,
      reasons: [{ code: 'ID_CARD_INVALID', zh: expect.stringContaining('设为文本') }],
    });
    const one = (await get('gas_agent', '/customers?q=XLS000001')).json().items[0];
    expect(one).toMatchObject({
      name: '周丽华',
      specialCare: true,
      phone: '139****1111',
      address: '博山区 峨眉山社区 12号楼 3层 301室',
    });
    expect((await get('gas_agent', '/customers?q=13905333333')).json().items[0].name).toBe('郑秀英');
  });

  it('dry run reports without writing; GB18030 CSV from Chinese Excel is read', async () => {
    const before = await snapshot();
    const file = [HEADER.join(','), 'DRY000001,城镇居民,马玉兰,,,高青县,,,,,,,,,,,'].join('\r\n');
    const res = await importFile('gas_admin', 'csv', encodeGb18030(file), true);
    expect(res.json()).toEqual({ imported: 1, rejected: [], dryRun: true });
    expect(await snapshot()).toEqual(before);
  });

  it('each row all-or-nothing: a row whose premises cannot be written leaves no account behind', async () => {
    await t.database.executeSql(`create function fail_room() returns trigger language plpgsql as $$
      begin if new.room = 'FAIL' then raise exception 'premises refused for the test'; end if; return new; end $$`);
    await t.database.executeSql(
      `create trigger fail_room before insert on premises for each row execute function fail_room()`,
    );
    try {
      const before = await snapshot();
      const rows = ['HALF00001', 'HALF00002', 'HALF00003'].map(
        (no, i) => `${no},城镇居民,测试${i},,,张店区,,,,,,,${i === 1 ? 'FAIL' : '101'},,,,`,
      );
      const res = await importFile('gas_admin', 'csv', text(HEADER.join(','), ...rows));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        imported: 2,
        rejected: [{ row: 3, reasons: [{ code: 'ROW_WRITE_FAILED' }] }],
      });
      expect(await count(`select count(*)::int as n from customers where account_no = 'HALF00002'`)).toBe(0);
      expect(await snapshot()).toEqual({
        customers: before.customers + 2,
        premises: before.premises + 2,
        audit: before.audit + 1,
      });
    } finally {
      await t.database.executeSql('drop trigger fail_room on premises');
    }
  });

  it('a file over 1 MiB goes through the raised body limit; headers are checked; only the admin imports', async () => {
    const small = [HEADER.join(','), 'BIG000001,城镇居民,高伟,,,张店区,,,,,,,,,,,'].join('\r\n');
    const big = Buffer.from(small + '\r\n'.repeat(700_000));
    expect(big.length).toBeGreaterThan(1024 * 1024);
    expect((await importFile('gas_admin', 'csv', big)).json()).toMatchObject({ imported: 1, rejected: [] });

    const before = await snapshot();
    const unknown = await importFile(
      'gas_admin',
      'csv',
      csv([
        [...HEADER, '备注'],
        ['X', '城镇居民'],
      ]),
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'IMPORT_COLUMNS_UNKNOWN', details: { columns: ['备注'] } });
    const missing = await importFile(
      'gas_admin',
      'csv',
      csv([
        ['户号', '姓名'],
        ['X1', '高伟'],
      ]),
    );
    expect(missing.json()).toMatchObject({
      code: 'IMPORT_COLUMNS_MISSING',
      details: { columns: ['客户类型', '区县'] },
    });
    expect((await importFile('gas_admin', 'xlsx', Buffer.from('not a workbook'))).json().code).toBe(
      'IMPORT_FILE_INVALID',
    );
    expect((await importFile('gas_agent', 'csv', csv([HEADER]))).statusCode).toBe(403);
    const tooBig = await importFile('gas_admin', 'csv', Buffer.alloc(10 * 1024 * 1024 + 10, 0x41));
    expect(tooBig.statusCode).toBe(413);
    expect(await snapshot()).toEqual(before);
  });
});

/** GB18030 for the characters used here: Node has no encoder, so go through a small table from the decoder. */
function encodeGb18030(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) bytes.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!));
  return Buffer.from(bytes);
}
