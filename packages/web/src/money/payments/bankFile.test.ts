import { describe, expect, it } from 'vitest';
import {
  decodeBankBytes,
  parseBankFile,
  parsePaidOn,
  splitCsv,
  summarizeFile,
  yuanTextToFen,
} from './bankFile.ts';

const HEADER = '户号,金额,银行流水号,缴费日期';
const codes = (text: string, today?: string) =>
  parseBankFile(text, today).lines.map((l) => l.issues.map((i) => i.code));

describe('G-6.2.8 bank collection file: amounts in exact fen', () => {
  it('reads yuan from the decimal digits, not through a float', () => {
    expect(yuanTextToFen('123.45')).toEqual({ fen: 12345 });
    expect(yuanTextToFen('0.29')).toEqual({ fen: 29 }); // 0.29 * 100 = 28.999999999999996
    expect(yuanTextToFen('1.1')).toEqual({ fen: 110 });
    expect(yuanTextToFen('20')).toEqual({ fen: 2000 });
    expect(yuanTextToFen(' ¥1,234.50 ')).toEqual({ fen: 123450 });
    expect(yuanTextToFen('.5')).toEqual({ fen: 50 });
    expect(yuanTextToFen('1000000.00')).toEqual({ fen: 100_000_000 });
  });

  it('refuses more than two decimals, zero, negatives, words and amounts over the limit', () => {
    expect(yuanTextToFen('12.345')).toMatchObject({ code: 'amountDecimals' });
    expect(yuanTextToFen('0')).toMatchObject({ code: 'amountNotPositive' });
    expect(yuanTextToFen('0.00')).toMatchObject({ code: 'amountNotPositive' });
    expect(yuanTextToFen('-5.00')).toMatchObject({ code: 'amountNotPositive' });
    expect(yuanTextToFen('12元')).toMatchObject({ code: 'amountFormat' });
    expect(yuanTextToFen('1.2.3')).toMatchObject({ code: 'amountFormat' });
    expect(yuanTextToFen('12,34')).toMatchObject({ code: 'amountFormat' });
    expect(yuanTextToFen('')).toMatchObject({ code: 'amountMissing' });
    expect(yuanTextToFen('1000000.01')).toMatchObject({ code: 'amountTooLarge' });
    expect(yuanTextToFen('99999999999999999999')).toMatchObject({ code: 'amountTooLarge' });
  });
});

describe('G-6.2.8 bank collection file: dates', () => {
  it('takes YYYY-MM-DD, YYYY/MM/DD (also as Excel shortens it) and YYYYMMDD', () => {
    expect(parsePaidOn('2026-11-05')).toEqual({ date: '2026-11-05' });
    expect(parsePaidOn('2026/11/05')).toEqual({ date: '2026-11-05' });
    expect(parsePaidOn('2026/3/5')).toEqual({ date: '2026-03-05' });
    expect(parsePaidOn('20261105')).toEqual({ date: '2026-11-05' });
  });

  it('refuses days that do not exist, other formats and dates after today', () => {
    expect(parsePaidOn('2026-02-30')).toMatchObject({ code: 'dateInvalid' });
    expect(parsePaidOn('05/11/2026')).toMatchObject({ code: 'dateFormat' });
    expect(parsePaidOn('')).toMatchObject({ code: 'dateMissing' });
    expect(parsePaidOn('2026-11-06', '2026-11-05')).toMatchObject({ code: 'dateFuture' });
    expect(parsePaidOn('2026-11-05', '2026-11-05')).toEqual({ date: '2026-11-05' });
  });
});

describe('G-6.2.8 bank collection file: lines', () => {
  it('reads a UTF-8 file with BOM and CRLF, columns by header name in any order, English headers too', () => {
    const zh = `\uFEFF${HEADER}\r\nZB0001,123.45,ICBC-0001,2026-11-05\r\n\r\nZB0002,8,ICBC-0002,2026/11/05\r\n`;
    const file = parseBankFile(zh);
    expect(file.missingColumns).toEqual([]);
    expect(file.lines.map((l) => [l.line, l.accountNo, l.amountFen, l.bankRef, l.paidOn])).toEqual([
      [2, 'ZB0001', 12345, 'ICBC-0001', '2026-11-05'],
      [4, 'ZB0002', 800, 'ICBC-0002', '2026-11-05'],
    ]);
    const en = parseBankFile('paidOn,bankRef,Amount,accountNo\n2026-11-05,REF-1,1.00,A1\n');
    expect(en.lines[0]).toMatchObject({ accountNo: 'A1', amountFen: 100, bankRef: 'REF-1' });
    expect(
      parseBankFile('户号,金额（元）,银行流水号,缴费日期\nA1,2,REF-1,2026-11-05').lines[0]?.amountFen,
    ).toBe(200);
  });

  it('names the columns the header lacks and reads no line then', () => {
    const file = parseBankFile('户号,金额\nA1,2');
    expect(file).toEqual({ lines: [], missingColumns: ['bankRef', 'paidOn'] });
    expect(parseBankFile('')).toEqual({ lines: [], missingColumns: [] });
  });

  it('flags every problem of a line, and a bank reference repeated in the file', () => {
    const text = [
      HEADER,
      'A1,10.00,REF-0001,2026-11-05',
      ',10.005,RF,2026-13-01',
      'A3,5,REF-0001,2026-11-05',
      '1.23457E+11,5,REF-0004,2026-11-05',
    ].join('\n');
    expect(codes(text)).toEqual([
      [],
      ['accountMissing', 'amountDecimals', 'refLength', 'dateInvalid'],
      ['refRepeated'],
      ['accountMangled'],
    ]);
    expect(parseBankFile(text).lines[2]?.issues[0]?.vars).toEqual({ first: 2 });
  });

  it('sums only the valid lines, in fen', () => {
    const text = `${HEADER}\nA1,0.10,REF-0001,2026-11-05\nA2,0.20,REF-0002,2026-11-05\nA3,abc,REF-0003,2026-11-05`;
    expect(summarizeFile(parseBankFile(text))).toEqual({ lines: 3, valid: 2, invalid: 1, validFen: 30 });
  });

  it('reads quoted fields (a comma or quote inside) and tab-separated text pasted from Excel', () => {
    expect(splitCsv('a,"b,c","say ""hi""",d\n"x\ny",z')).toEqual([
      { line: 1, fields: ['a', 'b,c', 'say "hi"', 'd'] },
      { line: 2, fields: ['x\ny', 'z'] },
    ]);
    const file = parseBankFile(`户号\t金额\t银行流水号\t缴费日期\nA1\t"1,234.56"\tREF-1\t2026-11-05`);
    expect(file.lines[0]).toMatchObject({ accountNo: 'A1', amountFen: 123456, issues: [] });
  });

  it('decodes UTF-8, and falls back to GB18030 for a file Excel saved on a Chinese PC', () => {
    const utf8 = new TextEncoder().encode('\uFEFF户号');
    expect(decodeBankBytes(utf8)).toBe('户号');
    // 户号 in GBK
    expect(decodeBankBytes(new Uint8Array([0xbb, 0xa7, 0xba, 0xc5]))).toBe('户号');
  });
});
