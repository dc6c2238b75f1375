import { callProblems, parseShanghaiDateTime } from '@ranre/domain';
import ExcelJS from 'exceljs';
import { appError } from '../../../core/errors.ts';
import { readCsv, type Sheet } from '../customers/spreadsheet.ts';
import type { TCallReason } from './calls.schemas.ts';

// The call centre's export, one call a row: headers in Chinese or English (the common call-centre names), times as
// Shanghai wall-clock ('2026-11-03 09:00:05', slashes accepted) or ISO with an offset; an empty answer time is an
// abandoned call. Each row becomes a call or every reason it cannot be one.

export type CallKey = 'callId' | 'line' | 'agent' | 'rangAt' | 'answeredAt' | 'endedAt';

export const CALL_COLUMNS: Record<CallKey, ImportColumn> = {
  callId: { zh: '呼叫编号', aliases: ['呼叫id', '通话编号', '流水号', 'callid', 'call id'], required: true },
  line: { zh: '线路', aliases: ['热线号码', '中继号', '被叫号码', 'line'], required: true },
  agent: { zh: '坐席', aliases: ['坐席工号', '话务员', 'agent'], required: false },
  rangAt: { zh: '振铃时间', aliases: ['来电时间', '呼入时间', 'rang at', 'ring time'], required: true },
  answeredAt: { zh: '接听时间', aliases: ['应答时间', 'answered at', 'answer time'], required: false },
  endedAt: { zh: '挂断时间', aliases: ['结束时间', 'ended at', 'end time'], required: false },
};
export const CALL_HEADER = (Object.keys(CALL_COLUMNS) as CallKey[]).map((k) => CALL_COLUMNS[k].zh);

export interface CallRow {
  row: number;
  callId: string;
  line: string;
  agent: string;
  rangAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
}
export type BadRow = { row: number; callId?: string; reasons: TCallReason[] };

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export interface ImportColumn {
  zh: string;
  aliases: string[];
  required: boolean;
}

/**
 * Header cells → the column of each field (its Chinese name or an alias, any case and spacing); a missing required
 * column refuses the whole file. Every file import of this area (calls, window waits, surveys) maps its header here.
 */
export function mapColumns<K extends string>(
  columns: Record<K, ImportColumn>,
  header: string[],
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  header.forEach((cell, i) => {
    const n = norm(cell);
    for (const [key, col] of Object.entries(columns) as [K, ImportColumn][]) {
      if (out[key] === undefined && (norm(col.zh) === n || col.aliases.some((a) => norm(a) === n)))
        out[key] = i;
    }
  });
  const missing = (Object.keys(columns) as K[]).filter((k) => columns[k].required && out[k] === undefined);
  if (missing.length > 0) {
    const names = missing.map((k) => columns[k].zh).join('、');
    throw appError(
      'IMPORT_FILE_INVALID',
      { zh: `缺少必需的列：${names}`, en: `Required columns are missing: ${names}` },
      { missing: missing.map((k) => columns[k].zh) },
    );
  }
  return out;
}

/** Header cells → the column of each call field. */
export function mapCallHeader(header: string[]): Partial<Record<CallKey, number>> {
  return mapColumns(CALL_COLUMNS, header);
}

/** A time cell: Shanghai wall-clock text or ISO 8601 with an offset. */
export function parseCallTime(text: string): Date | null {
  const t = text.trim().replace(/\//g, '-');
  if (/[zZ]|[+-]\d\d:?\d\d$/.test(t)) {
    const d = new Date(t);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const padded = t.replace(/^(\d{4})-(\d{1,2})-(\d{1,2})/, (_, y: string, m: string, d: string) =>
    [y, m.padStart(2, '0'), d.padStart(2, '0')].join('-'),
  );
  try {
    return parseShanghaiDateTime(padded.replace(/^(\S+) (\d):/, '$1 0$2:'));
  } catch {
    return null;
  }
}

export function convertCallRow(
  cells: string[],
  keys: Partial<Record<CallKey, number>>,
  row: number,
  now: Date,
): CallRow | BadRow {
  const cell = (k: CallKey) => (keys[k] === undefined ? '' : (cells[keys[k]] ?? '').trim());
  const reasons: TCallReason[] = [];
  const bad = (key: CallKey, code: string, zh: string, en: string) =>
    reasons.push({ code, column: CALL_COLUMNS[key].zh, zh, en });
  const callId = cell('callId');
  if (!callId) bad('callId', 'REQUIRED', '呼叫编号不能为空', 'The call id is required');
  else if (callId.length > 100) bad('callId', 'TOO_LONG', '呼叫编号过长', 'The call id is too long');
  const line = cell('line');
  if (!line) bad('line', 'REQUIRED', '线路不能为空', 'The line is required');
  const agent = cell('agent').slice(0, 60);
  const time = (key: CallKey, required: boolean): Date | null => {
    const text = cell(key);
    if (!text) {
      if (required) bad(key, 'REQUIRED', `${CALL_COLUMNS[key].zh}不能为空`, `${key} is required`);
      return null;
    }
    const d = parseCallTime(text);
    if (!d) {
      bad(
        key,
        'TIME_INVALID',
        `“${text}”不是有效时间（应为 2026-11-03 09:00:05）`,
        `"${text}" is not a time (use 2026-11-03 09:00:05)`,
      );
    }
    return d;
  };
  const rangAt = time('rangAt', true);
  const answeredAt = time('answeredAt', false);
  const endedAt = time('endedAt', false);
  if (rangAt) {
    for (const p of callProblems({ rangAt, answeredAt, endedAt }, now)) {
      reasons.push({ code: p.code.toUpperCase(), zh: p.message.zh, en: p.message.en });
    }
  }
  if (reasons.length > 0 || !rangAt) return { row, ...(callId ? { callId } : {}), reasons };
  return { row, callId, line: line.slice(0, 60), agent, rangAt, answeredAt, endedAt };
}

// ---- the file ----

/** An Excel date-time cell holds the wall-clock time as if it were UTC (Excel has no zones). */
function xlsxCellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v)
    return xlsxCellText((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in v) return String(v.text);
  return '';
}

async function readCallXlsx(bytes: Buffer): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw appError('IMPORT_FILE_INVALID', {
      zh: '无法读取 Excel 文件（应为 .xlsx 格式）',
      en: 'The file could not be read as an Excel .xlsx workbook',
    });
  }
  const ws = wb.worksheets[0];
  if (!ws)
    throw appError('IMPORT_FILE_INVALID', {
      zh: 'Excel 文件中没有工作表',
      en: 'The workbook has no worksheet',
    });
  const sheet: Sheet = { header: [], rows: [], rowNumbers: [], lossy: new Set() };
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(xlsxCellText(row.getCell(col).value));
    if (n === 1) sheet.header = cells;
    else {
      sheet.rows.push(cells);
      sheet.rowNumbers.push(n);
    }
  });
  return sheet;
}

export const MAX_CALL_BYTES = 10 * 1024 * 1024;
export const MAX_CALL_ROWS = 100_000;

export async function readCallFile(format: 'csv' | 'xlsx', base64: string): Promise<Sheet> {
  const clean = base64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw appError(
      'IMPORT_FILE_INVALID',
      { zh: '文件内容不是有效的 Base64 编码', en: 'The file is not valid base64' },
      { field: 'fileBase64' },
    );
  }
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length > MAX_CALL_BYTES) {
    throw appError('BODY_TOO_LARGE', {
      zh: '文件过大，最大 10 MB',
      en: 'The file is too large: at most 10 MB',
    });
  }
  const sheet = format === 'csv' ? readCsv(bytes) : await readCallXlsx(bytes);
  if (sheet.rows.length > MAX_CALL_ROWS) {
    throw appError(
      'IMPORT_TOO_MANY_ROWS',
      {
        zh: `一次最多导入 ${MAX_CALL_ROWS} 行，本文件 ${sheet.rows.length} 行`,
        en: `At most ${MAX_CALL_ROWS} rows per import; this file has ${sheet.rows.length}`,
      },
      { rows: sheet.rows.length, maxRows: MAX_CALL_ROWS },
    );
  }
  return sheet;
}
