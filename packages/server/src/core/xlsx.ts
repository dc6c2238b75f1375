// A workbook from sheets of rows: every export of the system writes Excel through this one place.
import ExcelJS from 'exceljs';

export type XlsxSheet = {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
  widths?: number[];
  /** 0-based columns kept as text so Excel does not turn ID numbers and phones into numbers. */
  textColumns?: number[];
  /** Drop-down lists by 0-based column, for the template. */
  lists?: Record<number, string[]>;
};

export async function writeXlsx(sheets: XlsxSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ranre';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.header.map((h, i) => ({
      header: h,
      width: s.widths?.[i] ?? Math.max(10, h.length * 2 + 2),
      ...(s.textColumns?.includes(i) ? { style: { numFmt: '@' } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    for (const [col, values] of Object.entries(s.lists ?? {})) {
      const letter = ws.getColumn(Number(col) + 1).letter;
      const formula = `"${values.join(',')}"`;
      if (formula.length > 255) continue; // Excel's limit for an inline list
      for (let row = 2; row <= 1001; row++) {
        ws.getCell(`${letter}${row}`).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [formula],
        };
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
