import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderWorld, type Detail, type OrderWorld } from '../workorders/testing.ts';

// November 2026 (Asia/Shanghai), hand-counted for the gas company, default threshold 15 s until the company sets
// 20 s from 2026-11-10 00:00:
//   A1  11-03 09:00:00 answered 09:00:10  (10 s)  in time
//   A2  11-03 09:05:00 answered 09:05:16  (16 s)  late under 15 s
//   A3  11-04 10:00:00 abandoned                  not in time
//   A4  11-12 10:00:00 answered 10:00:18  (18 s)  in time under 20 s (the threshold then)
//   A5  11-12 11:00:00 answered 11:00:25  (25 s)  late
//   (A6 on 12-01: another period)                 → November: 2 of 5 = 40 %

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
});
afterAll(() => w.close());

const csv = (lines: string[]) =>
  Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8').toString('base64');
const header = '呼叫编号,线路,坐席,振铃时间,接听时间,挂断时间';

async function xlsx(rows: (string | Date | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('通话');
  ws.addRow(['呼叫编号', '线路', '坐席', '振铃时间', '接听时间', '挂断时间']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const ok = async (who: string, method: 'GET' | 'POST', url: string, body?: object) => {
  const res = await w.call(who, method, url, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
};
const connection = async (who: string, enterpriseId: string) => {
  const data = await ok(who, 'GET', `/evaluation?period=2026-11`);
  return data.indicators
    .find((i: Detail) => i.id === 'call_connection')
    .figures.find((f: Detail) => f.enterpriseId === enterpriseId);
};

describe('call records and the hotline connection rate (G-12.4.1.1, H-3.13)', () => {
  it('G-5.5.2 an import keeps the good rows and reports each bad row with its reasons, writing none of them', async () => {
    w.at('2026-11-05 12:00');
    const file = csv([
      header,
      'A1,96777,1001,2026-11-03 09:00:00,2026-11-03 09:00:10,2026-11-03 09:03:00',
      'A2,96777,1002,2026/11/3 09:05:00,2026/11/3 09:05:16,',
      'A3,96777,,2026-11-04 10:00:00,,2026-11-04 10:00:40',
      'B1,96777,1001,2026-11-04 11:00:00,2026-11-04 10:59:00,',
      'B2,,1001,昨天,,',
      'B3,96777,1001,2026-11-06 09:00:00,,',
    ]);
    const dry = await ok('gas_agent', 'POST', '/calls/import', {
      format: 'csv',
      fileBase64: file,
      dryRun: true,
    });
    expect(dry).toMatchObject({ imported: 3, alreadyRecorded: 0, dryRun: true });
    expect(await w.count('select count(*)::int as n from call_records')).toBe(0);

    const res = await ok('gas_agent', 'POST', '/calls/import', { format: 'csv', fileBase64: file });
    expect(res.imported).toBe(3);
    expect(res.rejected.map((r: Detail) => [r.row, r.reasons.map((x: Detail) => x.code)])).toEqual([
      [5, ['ANSWERED_BEFORE_RING']],
      [6, ['REQUIRED', 'TIME_INVALID']],
      [7, ['IN_FUTURE']],
    ]);
    expect(res.rejected[1].reasons[0].column).toBe('线路');
  });

  it('G-12.4.1.1 importing or pushing the same call again adds nothing; other times for a recorded call are refused', async () => {
    w.at('2026-11-05 12:00');
    const again = csv([header, 'A1,96777,1001,2026-11-03 09:00:00,2026-11-03 09:00:10,2026-11-03 09:03:00']);
    expect(
      await ok('gas_admin', 'POST', '/calls/import', { format: 'csv', fileBase64: again }),
    ).toMatchObject({
      imported: 0,
      alreadyRecorded: 1,
      rejected: [],
    });
    const pushed = await ok('gas_admin', 'POST', '/calls/push', {
      calls: [
        {
          callId: 'A2',
          line: '96777',
          agent: '1002',
          rangAt: '2026-11-03T09:05:00+08:00',
          answeredAt: '2026-11-03T09:05:16+08:00',
        },
        { callId: 'A1', line: '96777', rangAt: '2026-11-03T09:00:00+08:00', answeredAt: null },
      ],
    });
    expect(pushed.imported).toBe(0);
    expect(pushed.alreadyRecorded).toBe(1);
    expect(pushed.rejected).toMatchObject([
      { row: 2, callId: 'A1', reasons: [{ code: 'CALL_ID_CONFLICT' }] },
    ]);
    expect(await w.count('select count(*)::int as n from call_records')).toBe(3);
    // Unknown fields are refused; a call record is never changed in the database either.
    expect((await w.call('gas_admin', 'POST', '/calls/push', { calls: [], extra: 1 })).statusCode).toBe(400);
    await expect(w.t.database.db.execute(sql`update call_records set answered_at = null`)).rejects.toThrow();
    const one = { callId: 'T1', line: '96777', rangAt: '2026-11-03T09:00:00+08:00', answeredAt: null };
    expect((await w.call('gas_tech', 'POST', '/calls/push', { calls: [one] })).statusCode).toBe(403);
  });

  it('G-12.4.1.1 a call is judged by the threshold in force when it rang; the rate counts every call received', async () => {
    w.at('2026-11-09 18:00');
    const past = await w.call('gas_admin', 'POST', '/calls/threshold', {
      seconds: 20,
      effectiveFrom: '2026-11-01T00:00:00+08:00',
      basis: '企业服务承诺',
    });
    expect(past.statusCode).toBe(400);
    const set = await ok('gas_admin', 'POST', '/calls/threshold', {
      seconds: 20,
      effectiveFrom: '2026-11-10T00:00:00+08:00',
      basis: '企业服务承诺：20秒内接听',
    });
    expect(set).toMatchObject({ seconds: 15, isDefault: true, history: [{ seconds: 20 }] });

    w.at('2026-12-02 09:00');
    const file = await xlsx([
      ['A4', '96777', '1001', new Date('2026-11-12T10:00:00Z'), new Date('2026-11-12T10:00:18Z'), null],
      ['A5', '96777', '1002', new Date('2026-11-12T11:00:00Z'), new Date('2026-11-12T11:00:25Z'), null],
      ['A6', '96777', '1002', new Date('2026-12-01T08:00:00Z'), new Date('2026-12-01T08:00:05Z'), null],
    ]);
    expect(
      await ok('gas_admin', 'POST', '/calls/import', { format: 'xlsx', fileBase64: file }),
    ).toMatchObject({
      imported: 3,
      rejected: [],
    });
    const list = await ok('gas_admin', 'GET', '/calls?from=2026-11-01&to=2026-11-30&pageSize=10');
    expect(list.summary).toEqual({ received: 5, answeredInTime: 2 });
    expect(list.items.map((c: Detail) => [c.callId, c.answerSeconds, c.thresholdSeconds, c.outcome])).toEqual(
      [
        ['A5', 25, 20, 'answered_late'],
        ['A4', 18, 20, 'answered_in_time'],
        ['A3', null, 15, 'abandoned'],
        ['A2', 16, 15, 'answered_late'],
        ['A1', 10, 15, 'answered_in_time'],
      ],
    );

    const gas = await connection('reg', w.world.gas.id);
    expect(gas).toMatchObject({ numerator: 2, denominator: 5, value: 40 });
    // The drill-down lists exactly the counted calls.
    const drill = await ok(
      'reg',
      'GET',
      `/evaluation/drilldown?indicator=call_connection&enterpriseId=${w.world.gas.id}&period=2026-11&part=numerator`,
    );
    expect(drill.total).toBe(2);
    expect(drill.items.map((i: Detail) => [i.refNo, i.outcome])).toEqual([
      ['A1', 'answered_in_time'],
      ['A4', 'answered_in_time'],
    ]);
    // Another enterprise's figure is its own: the heating company received none.
    expect(await connection('reg', w.world.heat.id)).toMatchObject({ denominator: 0, value: null });
    // An enterprise reads only its own calls.
    expect((await w.call('heat_admin', 'GET', `/calls?enterpriseId=${w.world.gas.id}`)).statusCode).toBe(403);
    expect((await ok('heat_admin', 'GET', '/calls')).total).toBe(0);
  });

  it('H-3.13 a closed period keeps its connection rate after a later threshold change', async () => {
    w.at('2026-12-02 10:00');
    expect((await w.call('reg', 'POST', '/evaluation/periods/2026-11/close')).statusCode).toBe(200);
    await ok('gas_admin', 'POST', '/calls/threshold', { seconds: 30, basis: '放宽' });
    expect(await connection('reg', w.world.gas.id)).toMatchObject({ numerator: 2, denominator: 5 });
    const drill = await ok(
      'reg',
      'GET',
      `/evaluation/drilldown?indicator=call_connection&enterpriseId=${w.world.gas.id}&period=2026-11`,
    );
    expect(drill).toMatchObject({ closed: true, total: 5 });
  });
});
