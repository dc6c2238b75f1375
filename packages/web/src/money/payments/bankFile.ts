/**
 * Reading a bank collection file (银行代收明细, G-6.2.8) in the browser, before anything is sent: every line is
 * checked the way the server would refuse it, so the clerk sees all the problems of a file at once instead of one
 * request failing on its first bad line. Pure functions: no DOM, no i18n (issues are codes the page translates).
 */

export type BankColumn = 'accountNo' | 'amount' | 'bankRef' | 'paidOn';
export const BANK_COLUMNS: BankColumn[] = ['accountNo', 'amount', 'bankRef', 'paidOn'];

export type BankIssueCode =
  | 'accountMissing'
  | 'accountTooLong'
  | 'accountMangled'
  | 'amountMissing'
  | 'amountFormat'
  | 'amountDecimals'
  | 'amountNotPositive'
  | 'amountTooLarge'
  | 'refMissing'
  | 'refLength'
  | 'refRepeated'
  | 'dateMissing'
  | 'dateFormat'
  | 'dateInvalid'
  | 'dateFuture';

export interface BankIssue {
  code: BankIssueCode;
  vars?: Record<string, string | number>;
}

export interface BankLine {
  /** The line of the file (the header is line 1), so the clerk can find it in Excel or the bank's printout. */
  line: number;
  accountNo: string;
  amountText: string;
  amountFen: number | null;
  bankRef: string;
  paidOn: string | null;
  dateText: string;
  issues: BankIssue[];
}

export interface BankFile {
  lines: BankLine[];
  /** Required columns the header row does not name; when any is missing no line is read. */
  missingColumns: BankColumn[];
}

/** The server's limits (bank-import.service.ts ZBankImport): one line at most ¥1,000,000.00. */
export const MAX_FEN = 100_000_000;
const ACCOUNT_MAX = 40;
const REF_MIN = 4;
const REF_MAX = 80;

/** Header names as banks and clerks write them, after trimming, lower-casing and dropping "(元)". */
const HEADER_ALIASES: Record<BankColumn, string[]> = {
  accountNo: ['户号', '用户号', 'accountno', 'account'],
  amount: ['金额', '缴费金额', '代收金额', 'amount'],
  bankRef: ['银行流水号', '流水号', 'bankref', 'bankreference'],
  paidOn: ['缴费日期', '交费日期', '代收日期', '日期', 'paidon', 'date'],
};

const normalizeHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[（(](元|yuan)[)）]$/, '')
    .replace(/[\s_]/g, '');

/**
 * CSV records with the line each starts on (RFC 4180 quoting: a quoted field may hold the delimiter, "" or a
 * line break). Blank records are dropped.
 */
export function splitCsv(text: string, delimiter = ','): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) out.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  endRecord();
  return out;
}

/** Yuan as written in the file to integer fen, from the decimal digits (a float would turn 0.29 into 28 fen). */
export function yuanTextToFen(text: string): { fen: number } | BankIssue {
  let s = text.trim().replace(/^[¥￥]\s*/, '');
  if (s === '') return { code: 'amountMissing' };
  // A thousands separator survives in a quoted field ("1,234.56"); nothing else with a comma is an amount.
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/,/g, '');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && !m[3])) return { code: 'amountFormat', vars: { text } };
  const decimals = m[3] ?? '';
  if (decimals.length > 2) return { code: 'amountDecimals', vars: { text } };
  const whole = (m[2] ?? '').replace(/^0+/, '');
  if (whole.length > 7) return { code: 'amountTooLarge' };
  const fen = Number(whole || '0') * 100 + Number(decimals.padEnd(2, '0'));
  if (m[1] === '-' || fen === 0) return { code: 'amountNotPositive', vars: { text } };
  if (fen > MAX_FEN) return { code: 'amountTooLarge' };
  return { fen };
}

/** YYYY-MM-DD from YYYY-MM-DD, YYYY/MM/DD (Excel drops the zeros: 2026/3/5) or the banks' YYYYMMDD. */
export function parsePaidOn(text: string, today?: string): { date: string } | BankIssue {
  const s = text.trim();
  if (s === '') return { code: 'dateMissing' };
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return { code: 'dateFormat', vars: { text: s } };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d)
    return { code: 'dateInvalid', vars: { text: s } };
  const date = `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // The bank reports money already collected: a date after today is a typo, not a payment.
  if (today && date > today) return { code: 'dateFuture', vars: { text: s } };
  return { date };
}

const isIssue = (x: object): x is BankIssue => 'code' in x;

function checkAccount(accountNo: string): BankIssue | null {
  if (accountNo === '') return { code: 'accountMissing' };
  // Excel shows a long numeric account as 1.23457E+11 and saves it that way: the digits are lost.
  if (/^\d(\.\d+)?e\+\d+$/i.test(accountNo)) return { code: 'accountMangled', vars: { text: accountNo } };
  if (accountNo.length > ACCOUNT_MAX) return { code: 'accountTooLong' };
  return null;
}

function checkRef(bankRef: string): BankIssue | null {
  if (bankRef === '') return { code: 'refMissing' };
  if (bankRef.length < REF_MIN || bankRef.length > REF_MAX) return { code: 'refLength' };
  return null;
}

/**
 * Parses the text of a bank file: the first record names the columns (in any order, Chinese or English); each
 * further record is one line with its issues. Text copied out of Excel is tab-separated and read as such.
 * `today` (YYYY-MM-DD, Asia/Shanghai) refuses dates after it.
 */
export function parseBankFile(text: string, today?: string): BankFile {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const [header, ...records] = splitCsv(body, delimiter);
  if (!header) return { lines: [], missingColumns: [] };
  const names = header.fields.map(normalizeHeader);
  const index = {} as Record<BankColumn, number>;
  const missingColumns = BANK_COLUMNS.filter((col) => {
    index[col] = names.findIndex((n) => HEADER_ALIASES[col].includes(n));
    return index[col] < 0;
  });
  if (missingColumns.length > 0) return { lines: [], missingColumns };

  const firstLineOfRef = new Map<string, number>();
  const lines = records.map(({ line, fields }): BankLine => {
    const cell = (col: BankColumn) => (fields[index[col]] ?? '').trim();
    const accountNo = cell('accountNo');
    const amountText = cell('amount');
    const bankRef = cell('bankRef');
    const dateText = cell('paidOn');
    const issues: BankIssue[] = [];
    const account = checkAccount(accountNo);
    if (account) issues.push(account);
    const amount = yuanTextToFen(amountText);
    if (isIssue(amount)) issues.push(amount);
    const ref = checkRef(bankRef);
    if (ref) issues.push(ref);
    // One bank reference is one payment: a second line with it would be booked as a duplicate or refused.
    const first = firstLineOfRef.get(bankRef);
    if (!ref && first !== undefined) issues.push({ code: 'refRepeated', vars: { first } });
    else if (!ref) firstLineOfRef.set(bankRef, line);
    const date = parsePaidOn(dateText, today);
    if (isIssue(date)) issues.push(date);
    return {
      line,
      accountNo,
      amountText,
      amountFen: isIssue(amount) ? null : amount.fen,
      bankRef,
      paidOn: isIssue(date) ? null : date.date,
      dateText,
      issues,
    };
  });
  return { lines, missingColumns };
}

/** A line that may be sent: no issue, so every field the server needs is there. */
export const isValidLine = (l: BankLine): boolean => l.issues.length === 0;

export function summarizeFile(file: BankFile): {
  lines: number;
  valid: number;
  invalid: number;
  validFen: number;
} {
  const valid = file.lines.filter(isValidLine);
  return {
    lines: file.lines.length,
    valid: valid.length,
    invalid: file.lines.length - valid.length,
    validFen: valid.reduce((s, l) => s + (l.amountFen ?? 0), 0),
  };
}

/**
 * The text of a picked file. UTF-8 (with or without BOM) as the format says; a file Excel saved on a Chinese
 * Windows PC is GB18030, and is read as such rather than shown as mojibake.
 */
export function decodeBankBytes(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
