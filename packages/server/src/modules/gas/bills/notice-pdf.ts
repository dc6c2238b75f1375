import { formatFen, formatM3 } from '@ranre/domain';
import { pdfFooter, pdfHeading, pdfRows, startPdf } from '../../../core/pdf.ts';

// The payment notice as a PDF (G-6.2.7 fields), Chinese first with English beside.

export interface NoticePdfInput {
  noticeNo: string;
  billNo: string;
  issuedOn: string;
  dueDate: string;
  fields: Record<string, unknown>;
  lines: Record<string, unknown>[];
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const num = (v: unknown) => Number(v ?? 0);

export function renderNoticePdf(n: NoticePdfInput): Promise<Buffer> {
  const f = n.fields;
  const { doc, done } = startPdf(`缴费通知单 ${n.noticeNo}`);
  pdfHeading(
    doc,
    str(f.company),
    '燃气费缴费通知单  Gas payment notice',
    `通知单号 ${n.noticeNo}    账单号 ${n.billNo}    开具日期 ${n.issuedOn}`,
  );

  const rows: [string, string][] = [
    ['户号 Account no.', str(f.accountNumber)],
    ['户名 Account name', str(f.accountName)],
    ['用气地址 Address', str(f.address)],
    ['计费期 Period', `${str(f.periodFrom)} 至 ${str(f.periodTo)}`],
    [
      '起止读数 Readings',
      `${formatM3(num(f.startReading))} → ${formatM3(num(f.endReading))}${f.estimated ? '（估抄 estimated, G-6.2.5）' : ''}`,
    ],
    ...meterRows(f.meters),
    ['用气量 Volume', formatM3(num(f.volume))],
    ['单价 Price', ((f.prices as number[]) ?? []).map((p) => `${formatFen(p)}/m³`).join('、')],
    ['应缴金额 Amount due', formatFen(num(f.amountDueFen))],
    // The customer's copy gives the last day only; how it was reckoned (G-6.2.6) is staff text, shown on the bill page.
    ['缴费期限 Pay by', f.payDeadline ? `${str(f.payDeadline)} 24:00 前` : ''],
    ['缴费地点 Where to pay', str(f.payWhere)],
    ['缴费时间 When to pay', str(f.payWhen)],
    ['缴费方式 How to pay', str(f.payHow)],
    ['查询电话 Query phone', str(f.queryPhone)],
    ['投诉电话 Complaint phone', str(f.complaintPhone)],
    ['监督电话 Supervision phone', str(f.supervisionPhone)],
  ];
  pdfRows(doc, rows);
  const left = doc.page.margins.left;

  doc.moveDown().font('cjk-bold').fontSize(11).text('计费明细 Priced lines', left);
  doc.font('cjk').fontSize(9.5);
  for (const l of n.lines) {
    const role = l.role === 'reversal' ? '冲销 ' : l.role === 'rebill' ? '重算 ' : '';
    doc.text(
      `${role}${str(l.from)} 至 ${str(l.to)}（${str(l.days)} 天）  第 ${str(l.tier)} 档  ` +
        `${formatM3(num(l.volume))} × ${formatFen(num(l.price))}/m³ = ${formatFen(num(l.amount))}`,
      left,
    );
  }
  if (f.priceChanged) {
    // G-6.2.4: say whether a reading at the change split the usage or it was prorated by days.
    const how =
      f.priceSplit === 'reading'
        ? '调价日有抄表读数，调价前后用量按读数分段'
        : f.priceSplit === 'prorated'
          ? '调价日无抄表读数，调价前后用量按天数比例分摊'
          : f.priceSplit === 'reading_and_prorated'
            ? '有读数的调价按读数分段，其余按天数比例分摊'
            : '调价前后用量';
    doc.moveDown(0.3).text(`本期内价格调整，${how}，分别按各自价格计费（G-6.2.4）。`, left);
  }
  pdfFooter(doc, '依据服务标准 G-6.2.6、G-6.2.7 开具。 Issued under G-6.2.6 and G-6.2.7.');
  doc.end();
  return done;
}

/** G-6.2.2: a meter exchanged or removed inside the period: each meter's readings on its own line. */
function meterRows(meters: unknown): [string, string][] {
  if (!Array.isArray(meters) || meters.length === 0) return [];
  const lines = (
    meters as {
      serialNo: string;
      startReading: number;
      endReading: number;
      volume: number;
      removedOn?: string;
    }[]
  ).map(
    (m) =>
      `表 ${m.serialNo}：${formatM3(m.startReading)} → ${formatM3(m.endReading)}，${formatM3(m.volume)}` +
      (m.removedOn ? `（${m.removedOn} 换下 removed）` : ''),
  );
  return [['各表读数 Meters', lines.join('\n')]];
}
