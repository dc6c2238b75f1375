/**
 * Sending a checked bank file to POST /payments/bank-import (G-6.2.8) and reading the answers back onto the
 * file's lines. Pure apart from the `send` function it is given, so the chunking and the resume are unit-tested.
 */
import type { BankImportResult, BankImportRow } from '../../api/payments.ts';
import type { BankLine } from './bankFile.ts';

/** Lines per request: well under the server's 2000, so a long file shows progress and a failure loses little. */
export const CHUNK = 500;

export interface Outcome {
  status: 'recorded' | 'duplicate' | 'error';
  receiptNo: string | null;
  error: string | null;
}

/** Outcomes by file line. */
export type Outcomes = ReadonlyMap<number, Outcome>;

export interface ImportRun {
  outcomes: Map<number, Outcome>;
  /** The request that failed (network, 4xx, 5xx): its lines and those after it stay unsent. */
  failure: { error: unknown; line: number | null } | null;
}

const toRow = (l: BankLine): BankImportRow => ({
  accountNo: l.accountNo,
  amountFen: l.amountFen!,
  bankRef: l.bankRef,
  paidOn: l.paidOn!,
});

/**
 * The line a refused request points at: a VALIDATION_FAILED detail path "body.rows.12.amountFen" is the 13th line
 * of that request.
 */
export function lineOfFailure(details: unknown, chunk: BankLine[]): number | null {
  if (!Array.isArray(details)) return null;
  for (const d of details as { path?: unknown }[]) {
    const path = Array.isArray(d?.path) ? d.path.join('.') : String(d?.path ?? '');
    const m = /rows\.(\d+)/.exec(path);
    if (m && chunk[Number(m[1])]) return chunk[Number(m[1])]!.line;
  }
  return null;
}

/**
 * Sends `lines` (valid, not yet answered) in requests of CHUNK lines, one after another, and reports the
 * outcomes so far after each. Stops at the first failed request: the server books each line in its own
 * transaction and a re-sent bank reference answers "duplicate", so sending the rest again later is safe.
 */
export async function importInChunks(
  lines: BankLine[],
  send: (rows: BankImportRow[]) => Promise<BankImportResult>,
  onProgress: (outcomes: Map<number, Outcome>) => void,
  known: Outcomes = new Map(),
): Promise<ImportRun> {
  const outcomes = new Map(known);
  for (let i = 0; i < lines.length; i += CHUNK) {
    const chunk = lines.slice(i, i + CHUNK);
    let result: BankImportResult;
    try {
      result = await send(chunk.map(toRow));
    } catch (error) {
      const details = (error as { details?: unknown } | null)?.details;
      return { outcomes, failure: { error, line: lineOfFailure(details, chunk) } };
    }
    for (const r of result.rows) {
      const l = chunk[r.row - 1];
      if (l) outcomes.set(l.line, { status: r.status, receiptNo: r.receiptNo, error: r.error });
    }
    onProgress(new Map(outcomes));
  }
  return { outcomes, failure: null };
}

export interface ImportTotals {
  recorded: number;
  duplicates: number;
  errors: number;
  recordedFen: number;
}

export function importTotals(lines: BankLine[], outcomes: Outcomes): ImportTotals {
  const t: ImportTotals = { recorded: 0, duplicates: 0, errors: 0, recordedFen: 0 };
  for (const l of lines) {
    const o = outcomes.get(l.line);
    if (o?.status === 'recorded') {
      t.recorded++;
      t.recordedFen += l.amountFen ?? 0;
    } else if (o?.status === 'duplicate') t.duplicates++;
    else if (o?.status === 'error') t.errors++;
  }
  return t;
}

/**
 * The server's reason in one language: it writes "CODE: 中文 / English" (bank-import.service.ts); anything else
 * is shown as it came.
 */
export function serverReason(error: string | null, lang: 'zh' | 'en'): string {
  if (!error) return '';
  const m = /^([A-Z0-9_]+): (.*?) \/ (.*)$/s.exec(error);
  if (!m) return error;
  return lang === 'zh' ? m[2]! : m[3]!;
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Yuan with two decimals from fen, exactly (for a file, without the ¥ and thousands separators). */
export const fenToYuanText = (fen: number) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/**
 * The result file the clerk keeps with the bank's: every line of the file, what became of it, the receipt
 * number. `header` gives the column titles, `status` and `reason` the words for a line, in the page's language.
 * With a BOM so Excel opens the Chinese correctly.
 */
export function resultCsv(
  lines: BankLine[],
  header: string[],
  status: (l: BankLine) => string,
  reason: (l: BankLine) => string,
  outcomes: Outcomes,
): string {
  const rows = lines.map((l) => [
    l.line,
    l.accountNo,
    l.amountFen === null ? l.amountText : fenToYuanText(l.amountFen),
    l.bankRef,
    l.paidOn ?? l.dateText,
    status(l),
    outcomes.get(l.line)?.receiptNo ?? '',
    reason(l),
  ]);
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
