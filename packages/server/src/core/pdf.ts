import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

// The documents ranre issues as PDF (payment notices, rectification notices, certificates) share one page set-up:
// A4, the CJK font (Noto Sans Hans, the GB 2312 set, SIL OFL, from npm @embedpdf/fonts-sc; pdfkit embeds only the
// glyphs used), a centred heading and label–value rows, Chinese first with English beside.

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
export const CJK_FONT = path.join(FONT_DIR, 'NotoSansHans-Regular.otf');
const CJK_FONT_BOLD = path.join(FONT_DIR, 'NotoSansHans-Bold.otf');

export type PdfDoc = InstanceType<typeof PDFDocument>;

/** A new A4 document with the fonts `cjk` and `cjk-bold`; `done` resolves to the bytes once `doc.end()` is called. */
export function startPdf(title: string): { doc: PdfDoc; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', CJK_FONT);
  doc.registerFont('cjk-bold', CJK_FONT_BOLD);
  return { doc, done };
}

/** The issuer's name, the document's title and a grey reference line, centred. */
export function pdfHeading(doc: PdfDoc, issuer: string, title: string, reference: string): void {
  doc.font('cjk-bold').fontSize(18).text(issuer, { align: 'center' });
  doc.fontSize(15).text(title, { align: 'center' });
  doc.moveDown(0.5);
  doc.font('cjk').fontSize(9).fillColor('#555').text(reference, { align: 'center' });
  doc.fillColor('#000').moveDown();
}

/** Label–value rows in two columns; an empty value prints as a dash. */
export function pdfRows(doc: PdfDoc, rows: readonly (readonly [string, string])[], labelWidth = 150): void {
  const left = doc.page.margins.left;
  const valueWidth = doc.page.width - left - doc.page.margins.right - labelWidth;
  doc.fontSize(10.5);
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('cjk-bold').text(label, left, y, { width: labelWidth });
    const afterLabel = doc.y;
    doc.font('cjk').text(value || '—', left + labelWidth, y, { width: valueWidth });
    doc.y = Math.max(doc.y, afterLabel) + 3;
  }
}

/** A small grey closing line (the clauses the document is issued under). */
export function pdfFooter(doc: PdfDoc, text: string): void {
  doc.moveDown().fontSize(8.5).fillColor('#555').text(text, doc.page.margins.left);
  doc.fillColor('#000');
}

/**
 * A table with a bold header row and thin rules, columns of the given widths (points); a row that would cross the
 * bottom margin starts a new page with the header again.
 */
export function pdfTable(
  doc: PdfDoc,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
): void {
  const left = doc.page.margins.left;
  const right = left + widths.reduce((a, b) => a + b, 0);
  const line = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? 'cjk-bold' : 'cjk').fontSize(9);
    const heights = cells.map((c, i) => doc.heightOfString(c || '—', { width: widths[i]! - 6 }));
    const height = Math.max(...heights) + 6;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold) line(header, true);
      doc.font(bold ? 'cjk-bold' : 'cjk').fontSize(9);
    }
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.text(c || '—', x + 3, y + 3, { width: widths[i]! - 6 });
      x += widths[i]!;
    });
    doc
      .moveTo(left, y + height)
      .lineTo(right, y + height)
      .lineWidth(0.5)
      .strokeColor('#999')
      .stroke();
    doc.x = left;
    doc.y = y + height;
  };
  line(header, true);
  for (const r of rows) line(r, false);
  doc.moveDown(0.5);
}
