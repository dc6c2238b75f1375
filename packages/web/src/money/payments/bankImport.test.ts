import { describe, expect, it } from 'vitest';
import type { BankImportResult, BankImportRow } from '../../api/payments.ts';
import { isValidLine, parseBankFile, type BankLine } from './bankFile.ts';
import {
  CHUNK,
  fenToYuanText,
  importInChunks,
  importTotals,
  lineOfFailure,
  resultCsv,
  serverReason,
} from './bankImport.ts';

/** A file of n good lines, account A<i>, 1.00 yuan each. */
function lines(n: number): BankLine[] {
  const rows = Array.from(
    { length: n },
    (_, i) => `A${i + 1},1.00,REF-${String(i + 1).padStart(5, '0')},2026-11-05`,
  );
  return parseBankFile(['户号,金额,银行流水号,缴费日期', ...rows].join('\n')).lines.filter(isValidLine);
}

/** A fake server: account A2 does not exist, a reference seen before answers duplicate. */
function fakeServer() {
  const seen = new Set<string>();
  const requests: BankImportRow[][] = [];
  const send = async (rows: BankImportRow[]): Promise<BankImportResult> => {
    requests.push(rows);
    const out = rows.map((r, i) => {
      if (r.accountNo === 'A2')
        return {
          row: i + 1,
          status: 'error' as const,
          receiptNo: null,
          error: 'NOT_FOUND: 户号 A2 不存在 / No account A2',
        };
      const dup = seen.has(r.bankRef);
      seen.add(r.bankRef);
      return {
        row: i + 1,
        status: dup ? ('duplicate' as const) : ('recorded' as const),
        receiptNo: `SJ-${r.bankRef}`,
        error: null,
      };
    });
    const count = (s: string) => out.filter((o) => o.status === s).length;
    return { recorded: count('recorded'), duplicates: count('duplicate'), errors: count('error'), rows: out };
  };
  return { send, requests };
}

describe('G-6.2.8 bank file import in chunks', () => {
  it('sends at most 500 lines a request and maps each answer back to its file line', async () => {
    const all = lines(1201);
    const server = fakeServer();
    const progress: number[] = [];
    const run = await importInChunks(all, server.send, (o) => progress.push(o.size));
    expect(server.requests.map((r) => r.length)).toEqual([CHUNK, CHUNK, 201]);
    expect(progress).toEqual([500, 1000, 1201]);
    expect(run.failure).toBeNull();
    expect(run.outcomes.get(2)).toEqual({ status: 'recorded', receiptNo: 'SJ-REF-00001', error: null });
    expect(run.outcomes.get(3)?.status).toBe('error');
    expect(run.outcomes.get(1202)?.receiptNo).toBe('SJ-REF-01201');
    expect(importTotals(all, run.outcomes)).toEqual({
      recorded: 1200,
      duplicates: 0,
      errors: 1,
      recordedFen: 120_000,
    });
    // The same file again: every payment is a duplicate, nothing is recorded twice.
    const again = await importInChunks(all, server.send, () => {});
    expect(importTotals(all, again.outcomes)).toMatchObject({ recorded: 0, duplicates: 1200, errors: 1 });
  });

  it('stops at a failed request, keeps what was answered, and resumes with the rest', async () => {
    const all = lines(1200);
    const server = fakeServer();
    let calls = 0;
    const flaky = (rows: BankImportRow[]) => {
      if (++calls === 2) return Promise.reject(Object.assign(new Error('网络错误'), { status: 0 }));
      return server.send(rows);
    };
    const first = await importInChunks(all, flaky, () => {});
    expect(first.failure?.error).toBeInstanceOf(Error);
    expect(first.outcomes.size).toBe(500);
    const rest = all.filter((l) => !first.outcomes.has(l.line));
    expect(rest).toHaveLength(700);
    const second = await importInChunks(rest, flaky, () => {}, first.outcomes);
    expect(second.failure).toBeNull();
    expect(importTotals(all, second.outcomes)).toMatchObject({ recorded: 1199, errors: 1 });
  });

  it('points a refused request at the file line the server names', () => {
    const chunk = lines(3);
    expect(lineOfFailure([{ path: 'body.rows.1.amountFen', message: 'too big' }], chunk)).toBe(3);
    expect(lineOfFailure([{ path: 'body', message: 'x' }], chunk)).toBeNull();
    expect(lineOfFailure(undefined, chunk)).toBeNull();
  });
});

describe('G-6.2.8 bank file results', () => {
  it("shows the server's reason in the page's language", () => {
    const e = 'NOT_FOUND: 户号 X1 不存在 / No account X1';
    expect(serverReason(e, 'zh')).toBe('户号 X1 不存在');
    expect(serverReason(e, 'en')).toBe('No account X1');
    expect(serverReason('Error: boom', 'en')).toBe('Error: boom');
    expect(serverReason(null, 'zh')).toBe('');
  });

  it('writes every line with its result and receipt as CSV Excel opens (BOM, quoted cells)', () => {
    const file = parseBankFile(
      '户号,金额,银行流水号,缴费日期\nA1,0.29,"REF,1",2026/11/05\nA2,x,REF-2,2026-11-05',
    );
    const outcomes = new Map([[2, { status: 'recorded' as const, receiptNo: 'SJ1', error: null }]]);
    const csv = resultCsv(
      file.lines,
      ['行号', '户号', '金额', '流水号', '日期', '结果', '凭证号', '说明'],
      (l) => (l.issues.length ? '有误' : '已入账'),
      (l) => l.issues.map((i) => i.code).join(' '),
      outcomes,
    );
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF行号,户号,金额,流水号,日期,结果,凭证号,说明',
      '2,A1,0.29,"REF,1",2026-11-05,已入账,SJ1,',
      '3,A2,x,REF-2,2026-11-05,有误,,amountFormat',
      '',
    ]);
    expect(fenToYuanText(5)).toBe('0.05');
    expect(fenToYuanText(123456)).toBe('1234.56');
  });
});
