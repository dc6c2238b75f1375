import { startPdf } from '../../../core/pdf.ts';

// G-9.2.5 c): the repair slip of a walk-in repair not finished the same day, Chinese first with English beside.

export interface RepairSlipPdfInput {
  company: string;
  slipNo: string;
  orderNo: string;
  customer: string;
  phone: string;
  appliance: string;
  fault: string;
  reason: string;
  receivedOn: string;
  pickUpOn: string;
  servicePhone: string;
  supervisionPhone: string;
  servicePoint: string;
}

export function renderRepairSlipPdf(r: RepairSlipPdfInput): Promise<Buffer> {
  const { doc, done } = startPdf(`燃气燃烧器具维修单 ${r.slipNo}`);
  doc.font('cjk-bold').fontSize(18).text(r.company, { align: 'center' });
  doc.fontSize(15).text('燃气燃烧器具维修单', { align: 'center' });
  doc
    .font('cjk')
    .fontSize(10)
    .text('Repair slip for an appliance left for repair (G-9.2.5)', { align: 'center' });
  doc.fontSize(9).fillColor('#555');
  doc.text(`维修单号 ${r.slipNo}    工单号 ${r.orderNo}    送修日期 ${r.receivedOn}`, { align: 'center' });
  doc.fillColor('#000').moveDown();
  doc.font('cjk').fontSize(11);
  for (const [k, v] of [
    ['送修人 Customer', r.customer],
    ['联系电话 Phone', r.phone],
    ['送修器具 Appliance', r.appliance],
    ['故障情况 Fault', r.fault],
    ['当天未能修复的原因 Why not today', r.reason],
    ['约定领取日期 Pick-up date', r.pickUpOn],
    ['领取地点 Where', r.servicePoint],
    ['服务电话 Service phone', r.servicePhone],
    ['监督电话 Supervision phone', r.supervisionPhone],
  ] as const) {
    const y = doc.y;
    doc.fillColor('#555').text(k, 48, y, { width: 170 });
    doc.fillColor('#000').text(v || '—', 225, y, { width: 320 });
    doc.moveDown(0.35);
  }
  doc.moveDown();
  doc.fontSize(9).fillColor('#555').text('凭本单领取器具；维修保修期不少于 3 个月（G-9.2.8）。', 48);
  doc.moveDown(2);
  doc.rect(380, doc.y, 120, 80).strokeColor('#c00').stroke();
  doc
    .fontSize(10)
    .fillColor('#c00')
    .text('企业盖章 Seal', 400, doc.y + 32);
  doc.end();
  return done;
}
