import ExcelJS from 'exceljs';
import { appError } from '../../../core/errors.ts';

/** A sheet as text: `rows[i]` is spreadsheet row `rowNumbers[i]` (the header is row 1). */
export type Sheet = {
  header: string[];
  rows: string[][];
  rowNumbers: number[];
  /** `${row}:${col}` of numeric Excel cells too long to be exact (an ID number typed as a number). */
  lossy: Set<string>;
};

const fileInvalid = (zh: string, en: string) => appError('IMPORT_FILE_INVALID', { zh, en });

// ---- CSV (RFC 4180; comma or tab; UTF-8 with or without BOM, or GB18030 as Excel on Chinese Windows saves it) ----

export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function parseCsv(text: string): string[][] {
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  const sep = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      records.push(record);
      record = [];
    } else field += c;
  }
  if (quoted) throw fileInvalid('CSV 文件中引号未闭合', 'The CSV file has an unclosed quote');
  if (field !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}

export function readCsv(bytes: Buffer): Sheet {
  const records = parseCsv(decodeText(bytes));
  const [header = [], ...rows] = records;
  return { header, rows, rowNumbers: rows.map((_, i) => i + 2), lossy: new Set() };
}

/** A CSV cell; text that a spreadsheet would run as a formula is defused with a leading apostrophe (OWASP). */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM, CRLF: what Excel opens correctly. */
export function writeCsv(header: string[], rows: (string | number | null)[][]): Buffer {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

// ---- XLSX ----

function cellText(v: ExcelJS.CellValue): { text: string; lossy: boolean } {
  if (v === null || v === undefined) return { text: '', lossy: false };
  if (typeof v === 'string') return { text: v, lossy: false };
  if (typeof v === 'number') {
    return {
      text: Number.isInteger(v) ? v.toFixed(0) : String(v),
      lossy: !Number.isSafeInteger(v) && Number.isInteger(v),
    };
  }
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE', lossy: false };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), lossy: false };
  if ('richText' in v) return { text: v.richText.map((r) => r.text).join(''), lossy: false };
  if ('formula' in v || 'sharedFormula' in v)
    return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in v) return { text: String(v.text), lossy: false };
  return { text: '', lossy: false };
}

export async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw fileInvalid(
      '无法读取 Excel 文件（应为 .xlsx 格式）',
      'The file could not be read as an Excel .xlsx workbook',
    );
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fileInvalid('Excel 文件中没有工作表', 'The workbook has no worksheet');
  const sheet: Sheet = { header: [], rows: [], rowNumbers: [], lossy: new Set() };
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) {
      const { text, lossy } = cellText(row.getCell(col).value);
      cells.push(text);
      if (lossy) sheet.lossy.add(`${rowNumber}:${col - 1}`);
    }
    if (rowNumber === 1) {
      sheet.header = cells;
    } else {
      sheet.rows.push(cells);
      sheet.rowNumbers.push(rowNumber);
    }
  });
  return sheet;
}

// Writing a workbook is shared with other modules' exports (core/xlsx.ts).
export { writeXlsx, type XlsxSheet } from '../../../core/xlsx.ts';
