import { VEHICLE_PAYMENT_METHOD_LABELS, formatShanghai, type VehiclePaymentMethod } from '@ranre/domain';
import { pdfFooter, pdfHeading, pdfRows, startPdf } from '../../../core/pdf.ts';

// G-8.1.3: the receipt for a vehicle fill's fee, printed from the issued row alone (the same bytes' content every
// time it is printed), Chinese first with English beside.

export interface VehicleReceiptPdfInput {
  company: string;
  creditCode: string;
  receiptNo: string;
  station: string;
  dispenserNo: string;
  plate: string;
  medium: string;
  quantityMilli: number;
  unit: string;
  unitPriceFen: number;
  amountFen: number;
  paymentMethod: string;
  attendant: string;
  filledAt: Date;
  issuedAt: Date;
  hotline: string;
  supervisionPhone: string;
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

export function renderVehicleReceiptPdf(r: VehicleReceiptPdfInput): Promise<Buffer> {
  const { doc, done } = startPdf(`加气收费凭证 ${r.receiptNo}`);
  pdfHeading(doc, r.company, '燃气汽车加气收费凭证 Vehicle gas fill receipt', `凭证号 No. ${r.receiptNo}`);
  const method = VEHICLE_PAYMENT_METHOD_LABELS[r.paymentMethod as VehiclePaymentMethod] ?? {
    zh: r.paymentMethod,
    en: r.paymentMethod,
  };
  pdfRows(doc, [
    ['收款单位 Payee', `${r.company}（统一社会信用代码 ${r.creditCode}）`],
    ['加气站 Station', r.station],
    ['加气机 Dispenser', r.dispenserNo],
    ['车牌号 Plate', r.plate],
    ['介质 Medium', r.medium],
    ['加气量 Quantity', `${(r.quantityMilli / 1000).toFixed(3)} ${r.unit}`],
    ['单价 Unit price', `${yuan(r.unitPriceFen)} / ${r.unit}`],
    ['金额 Amount', yuan(r.amountFen)],
    ['支付方式 Paid by', `${method.zh} ${method.en}`],
    ['加气时间 Filled at', formatShanghai(r.filledAt)],
    ['开具时间 Issued at', formatShanghai(r.issuedAt)],
    ['加气员 Attendant', r.attendant],
    ['服务电话 Service phone', r.hotline],
    ['监督电话 Supervision phone', r.supervisionPhone],
  ]);
  pdfFooter(doc, '本凭证依 G-8.1.3 开具，开具后不得更改；如需更正请凭本凭证到站办理。');
  doc.end();
  return done;
}
