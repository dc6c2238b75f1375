import { pdfFooter, pdfHeading, pdfRows, pdfTable, startPdf } from '../../../core/pdf.ts';

// G-9.1.3: the receipt of an appliance sale, printed from the sale as it was recorded (the sale is never changed,
// so a reprint is the same document). Chinese first with English beside.

export interface SaleReceiptPdfInput {
  company: string;
  creditCode: string;
  saleNo: string;
  soldAt: string;
  customer: string;
  phone: string;
  address: string;
  appliance: string;
  gasType: string;
  addressGasType: string;
  certificateNo: string;
  quantity: number;
  unitYuan: string;
  totalYuan: string;
  warranty: string;
  handedOver: string;
  soldBy: string;
  servicePhone: string;
  supervisionPhone: string;
}

export function renderSaleReceiptPdf(r: SaleReceiptPdfInput): Promise<Buffer> {
  const { doc, done } = startPdf(`燃气具销售凭证 ${r.saleNo}`);
  pdfHeading(
    doc,
    r.company,
    '燃气燃烧器具销售凭证',
    `Receipt of an appliance sale (G-9.1.3)    凭证号 No. ${r.saleNo}    销售时间 Sold ${r.soldAt}`,
  );
  pdfRows(doc, [
    ['购买人 Customer', r.customer],
    ['联系电话 Phone', r.phone],
    ['安装地址 Address', r.address],
    ['地址用气 Gas at the address', r.addressGasType],
  ]);
  doc.moveDown(0.5);
  pdfTable(
    doc,
    [
      '器具 Appliance',
      '适用气种 Gas',
      '合格证号 Certificate',
      '数量 Qty',
      '单价 Unit (元)',
      '金额 Amount (元)',
    ],
    [[r.appliance, r.gasType, r.certificateNo, String(r.quantity), r.unitYuan, r.totalYuan]],
    [140, 70, 110, 40, 68, 71],
  );
  pdfRows(doc, [
    ['合计 Total', `人民币 ${r.totalYuan} 元`],
    ['保修 Warranty', r.warranty],
    ['随机交付 Handed over', r.handedOver],
    ['经办人 Sold by', r.soldBy],
    ['服务电话 Service phone', r.servicePhone],
    ['监督电话 Supervision phone', r.supervisionPhone],
    ['统一社会信用代码 Credit code', r.creditCode],
  ]);
  doc.moveDown(2);
  doc.rect(380, doc.y, 120, 80).strokeColor('#c00').stroke();
  doc
    .font('cjk')
    .fontSize(10)
    .fillColor('#c00')
    .text('企业盖章 Seal', 400, doc.y + 32);
  doc.fillColor('#000');
  doc.y += 60;
  pdfFooter(
    doc,
    '燃气燃烧器具的安装、维修由本公司或用户选择的有资质单位承担，不指定品牌（G-9.2.9）；安装保修不少于 12 个月、维修不少于 3 个月（G-9.2.8）。',
  );
  doc.end();
  return done;
}
