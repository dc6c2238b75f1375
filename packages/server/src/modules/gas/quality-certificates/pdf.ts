import { formatFen } from '@ranre/domain';
import { startPdf, type PdfDoc as Doc } from '../../../core/pdf.ts';

// Appliance documents as PDF (the page set-up and CJK font every issued document shares, core/pdf.ts): the G-9.2.7
// quality certificate, the G-9.2.6 receipt. Chinese first, English beside.

const open = startPdf;

function table(doc: Doc, rows: [string, string][]) {
  doc.font('cjk').fontSize(11);
  for (const [k, v] of rows) {
    const y = doc.y;
    doc.fillColor('#555').text(k, 48, y, { width: 170 });
    doc.fillColor('#000').text(v || '—', 225, y, { width: 320 });
    doc.moveDown(0.35);
  }
}

/** A signature image (PNG or JPEG) under its label; pdfkit draws no WebP, so that is named instead. */
function signature(doc: Doc, label: string, image: { mime: string; dataBase64: string } | null, x: number) {
  const y = doc.y;
  doc.font('cjk').fontSize(10).fillColor('#555').text(label, x, y);
  if (image && (image.mime === 'image/png' || image.mime === 'image/jpeg')) {
    doc.image(Buffer.from(image.dataBase64, 'base64'), x, y + 16, { fit: [200, 70] });
  } else {
    doc.fillColor('#000').text(image ? '（已签名）' : '', x, y + 16);
  }
}

export interface CertificatePdfInput {
  certificateNo: string;
  issuedOn: string;
  fields: Record<string, string | number | boolean>;
  installerSignature: { mime: string; dataBase64: string } | null;
  testerSignature: { mime: string; dataBase64: string } | null;
}

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function renderCertificatePdf(c: CertificatePdfInput): Promise<Buffer> {
  const f = c.fields;
  const { doc, done } = open(`燃气燃烧器具安装维修质量合格证 ${c.certificateNo}`);
  doc.font('cjk-bold').fontSize(18).text(s(f.company), { align: 'center' });
  doc.fontSize(15).text('燃气燃烧器具安装维修质量合格证', { align: 'center' });
  doc
    .font('cjk')
    .fontSize(10)
    .text('Quality certificate of gas appliance installation / repair', { align: 'center' });
  doc.fontSize(9).fillColor('#555');
  doc.text(`合格证编号 No. ${c.certificateNo}    日期 Date ${c.issuedOn}`, { align: 'center' });
  doc.fillColor('#000').moveDown();
  const co = `${s(f.flueCoPpm)} ppm（限值 limit ${s(f.coLimitPpm)} ppm，${s(f.coLimitBasis)}）合格 pass`;
  table(doc, [
    ['用户姓名 Customer', s(f.customerName)],
    ['安装地址 Address', s(f.address)],
    ['器具品牌 Brand', s(f.brand)],
    ['器具型号 Model', s(f.model)],
    ['作业内容 Work', s(f.work)],
    ['气密性检测 Leak test', f.leakTestPassed === true ? '合格 pass' : '不合格 fail'],
    ['烟气 CO 含量 Flue CO', co],
    ['安装人员 Installer', `${s(f.installerName)}（${s(f.installerCertificate)}）`],
    ['检测人员 Tester', `${s(f.testerName)}（${s(f.testerCertificate)}）`],
    ...(f.afterOutletValve === true
      ? ([['安装位置 G-9.2.4', '计量表出口阀门之后，阀门及之前设施未改动 after the meter outlet valve']] as [
          string,
          string,
        ][])
      : []),
    ['保修期 Warranty', s(f.warranty)],
    ['服务电话 Service phone', s(f.servicePhone)],
    ['监督电话 Supervision phone', s(f.supervisionPhone)],
  ]);
  doc.moveDown();
  const y = doc.y;
  signature(doc, '安装人员签字 Installer', c.installerSignature, 48);
  doc.y = y;
  signature(doc, '检测人员签字 Tester', c.testerSignature, 300);
  doc.y = y + 110;
  // The seal goes on the printed copy: the box says where (G-9.2.7 "company and its seal").
  doc.rect(380, doc.y, 120, 80).strokeColor('#c00').stroke();
  doc
    .font('cjk')
    .fontSize(10)
    .fillColor('#c00')
    .text('企业盖章 Seal', 400, doc.y + 32);
  doc.fillColor('#000');
  doc.end();
  return done;
}

export interface ReceiptPdfInput {
  company: string;
  orderNo: string;
  customer: string;
  address: string;
  issuedOn: string;
  lines: { kind: string; name: string; quantity: number; unitFen: number; amountFen: number }[];
  totalFen: number;
  chargedFen: number;
  underWarranty: boolean;
  signerName: string;
  servicePhone: string;
  supervisionPhone: string;
}

const KIND: Record<string, string> = { material: '材料 material', part: '配件 part', labour: '人工 labour' };

export function renderReceiptPdf(r: ReceiptPdfInput): Promise<Buffer> {
  const { doc, done } = open(`收费凭证 ${r.orderNo}`);
  doc.font('cjk-bold').fontSize(18).text(r.company, { align: 'center' });
  doc.fontSize(15).text('收费凭证  Receipt', { align: 'center' });
  doc.font('cjk').fontSize(9).fillColor('#555');
  doc.text(`工单号 ${r.orderNo}    日期 ${r.issuedOn}`, { align: 'center' });
  doc.fillColor('#000').moveDown();
  table(doc, [
    ['用户 Customer', r.customer],
    ['地址 Address', r.address],
  ]);
  doc.moveDown(0.5);
  table(
    doc,
    r.lines.map((l) => [
      KIND[l.kind] ?? l.kind,
      `${l.name}  ${l.quantity} × ${formatFen(l.unitFen)} = ${formatFen(l.amountFen)}`,
    ]),
  );
  doc.moveDown(0.5);
  table(doc, [
    ['合计 Total', formatFen(r.totalFen)],
    [
      '实收 Charged',
      `${formatFen(r.chargedFen)}${r.underWarranty ? '（保修期内免费 free under warranty, G-9.2.8）' : ''}`,
    ],
    ['用户确认 Agreed by', `${r.signerName}（施工前签字确认 signed before the work, G-9.2.6）`],
    ['服务电话 Service phone', r.servicePhone],
    ['监督电话 Supervision phone', r.supervisionPhone],
  ]);
  doc.end();
  return done;
}

export interface RefusalPdfInput {
  company: string;
  orderNo: string;
  work: string;
  customer: string;
  address: string;
  refusedOn: string;
  reason: string;
  noticeRef: string;
  servicePhone: string;
  supervisionPhone: string;
}

/** G-9.2.3: the written refusal the customer asked for — what was refused, the reason and advice, who to call. */
export function renderRefusalPdf(r: RefusalPdfInput): Promise<Buffer> {
  const { doc, done } = open(`不予安装维修告知书 ${r.orderNo}`);
  doc.font('cjk-bold').fontSize(18).text(r.company, { align: 'center' });
  doc.fontSize(15).text('不予安装（维修）告知书', { align: 'center' });
  doc.font('cjk').fontSize(10).text('Written notice of refusal (G-9.2.3)', { align: 'center' });
  doc.fontSize(9).fillColor('#555');
  doc.text(`工单号 ${r.orderNo}    文书编号 ${r.noticeRef || '—'}    日期 ${r.refusedOn}`, {
    align: 'center',
  });
  doc.fillColor('#000').moveDown();
  table(doc, [
    ['用户 Customer', r.customer],
    ['地址 Address', r.address],
    ['申请事项 Request', r.work],
    ['不予办理的理由及建议 Reason and advice', r.reason],
    ['服务电话 Service phone', r.servicePhone],
    ['监督电话 Supervision phone', r.supervisionPhone],
  ]);
  doc.moveDown(2);
  doc.rect(380, doc.y, 120, 80).strokeColor('#c00').stroke();
  doc
    .font('cjk')
    .fontSize(10)
    .fillColor('#c00')
    .text('企业盖章 Seal', 400, doc.y + 32);
  doc.end();
  return done;
}
