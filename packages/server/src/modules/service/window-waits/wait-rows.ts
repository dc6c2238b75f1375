import type { Sheet } from '../customers/spreadsheet.ts';
import { mapColumns, parseCallTime, type ImportColumn } from '../calls/call-rows.ts';

// G-12.4.1.2: sampled window waits from a file (CSV/Excel), one customer a row — the service point, when the number
// was taken (Shanghai wall-clock or ISO with an offset), the wait in minutes and a note. Each row becomes a sample or
// every reason it cannot be one; nothing is recorded from a file until it is checked.

type Key = 'servicePoint' | 'arrivedAt' | 'waitMinutes' | 'note';
const COLUMNS: Record<Key, ImportColumn> = {
  servicePoint: { zh: '服务网点', aliases: ['网点', '营业厅', 'service point'], required: true },
  arrivedAt: { zh: '取号时间', aliases: ['到达时间', '取号', 'arrived at'], required: true },
  waitMinutes: { zh: '等候分钟', aliases: ['等候时间', '等待分钟', 'wait minutes'], required: true },
  note: { zh: '备注', aliases: ['note'], required: false },
};

export interface WaitReason {
  code: string;
  column?: string;
  zh: string;
  en: string;
}
export interface WaitRow {
  row: number;
  servicePoint: string;
  arrivedAt: Date;
  waitSeconds: number;
  note: string;
}
export type BadWaitRow = { row: number; reasons: WaitReason[] };

const mapHeader = (header: string[]) => mapColumns(COLUMNS, header);

/** Every row of the sheet judged: a sample, or the reasons it is not one. */
export function convertWaitSheet(
  sheet: Sheet,
  points: readonly string[],
  now: Date,
): (WaitRow | BadWaitRow)[] {
  const keys = mapHeader(sheet.header);
  return sheet.rows.map((cells, i) => {
    const row = sheet.rowNumbers[i] ?? i + 2;
    const cell = (k: Key) => (keys[k] === undefined ? '' : (cells[keys[k]] ?? '').trim());
    const reasons: WaitReason[] = [];
    const bad = (k: Key, code: string, zh: string, en: string) =>
      reasons.push({ code, column: COLUMNS[k].zh, zh, en });
    const servicePoint = cell('servicePoint');
    if (!servicePoint) bad('servicePoint', 'REQUIRED', '服务网点不能为空', 'The service point is required');
    else if (!points.includes(servicePoint))
      bad(
        'servicePoint',
        'UNKNOWN_POINT',
        `“${servicePoint}”不是本企业的服务网点`,
        `"${servicePoint}" is not one of the enterprise's service points`,
      );
    const arrivedText = cell('arrivedAt');
    const arrivedAt = arrivedText ? parseCallTime(arrivedText) : null;
    if (!arrivedText) bad('arrivedAt', 'REQUIRED', '取号时间不能为空', 'The time is required');
    else if (!arrivedAt)
      bad(
        'arrivedAt',
        'TIME_INVALID',
        `“${arrivedText}”不是有效时间（应为 2026-11-03 09:00）`,
        `"${arrivedText}" is not a time (use 2026-11-03 09:00)`,
      );
    else if (arrivedAt > now) bad('arrivedAt', 'IN_FUTURE', '取号时间晚于现在', 'The time is in the future');
    const minutesText = cell('waitMinutes');
    const minutes = Number(minutesText);
    if (!minutesText || !Number.isFinite(minutes) || minutes < 0 || minutes > 1440)
      bad(
        'waitMinutes',
        'MINUTES_INVALID',
        `等候分钟“${minutesText}”应为 0–1440 的数字`,
        `The wait "${minutesText}" must be a number of minutes from 0 to 1440`,
      );
    if (reasons.length > 0 || !arrivedAt) return { row, reasons };
    return {
      row,
      servicePoint,
      arrivedAt,
      waitSeconds: Math.round(minutes * 60),
      note: cell('note').slice(0, 200),
    };
  });
}

export const isBadWait = (r: WaitRow | BadWaitRow): r is BadWaitRow => 'reasons' in r;
