// G-8.1.3: a vehicle-gas company that charges for a fill issues a lawful receipt. The amount is the fill's quantity
// (thousandths of its unit, as the dispenser measured it) at the price per unit, rounded to the fen.

export const VEHICLE_PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'bank_card', 'fuel_card'] as const;
export type VehiclePaymentMethod = (typeof VEHICLE_PAYMENT_METHODS)[number];

export const VEHICLE_PAYMENT_METHOD_LABELS: Record<VehiclePaymentMethod, { zh: string; en: string }> = {
  cash: { zh: '现金', en: 'cash' },
  wechat: { zh: '微信支付', en: 'WeChat Pay' },
  alipay: { zh: '支付宝', en: 'Alipay' },
  bank_card: { zh: '银行卡', en: 'bank card' },
  fuel_card: { zh: '加气卡', en: 'fuel card' },
};

/** The amount of a fill in fen: quantity (milli-units) × price (fen per unit), half up. */
export function vehicleFillAmountFen(quantityMilli: number, unitPriceFen: number): number {
  return Math.round((quantityMilli * unitPriceFen) / 1000);
}

/** The receipt number: JQ, the Shanghai day of the fill, and the fill's own id (unique within the enterprise). */
export function vehicleReceiptNo(filledOn: string, fillId: string): string {
  return `JQ${filledOn.replaceAll('-', '')}-${fillId.replaceAll('-', '').slice(0, 10).toUpperCase()}`;
}
