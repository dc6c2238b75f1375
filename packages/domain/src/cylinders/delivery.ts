// G-7.2.1, G-7.2.2: what a delivery must show before the order is done, and whether it came at the agreed time.
// G-7.1.13, G-7.1.14: the residue of the cylinder taken back and the published compensation. Pure: no clock.
import type { Messages } from '../errors.ts';
import { BOTTLED_GAS_RESIDUE_MAX_PERCENT, residueRefundFen } from '../residents/public-rules.ts';
import type { CylinderState } from './life.ts';

/** A delivery later than this after the agreed time is not "at the agreed time" (enterprise commitment). */
export const DELIVERY_GRACE_MINUTES = 30;

export interface DeliveryFacts {
  /** The full cylinder handed over: its owner and state. */
  full: { enterpriseId: string; state: CylinderState } | null;
  /** The empty one taken back, when the customer had one. */
  empty: { enterpriseId: string; state: CylinderState } | null;
  emptyScanned: boolean;
  sameCode: boolean;
  installed: boolean;
  leakChecked: boolean;
  ignitionTested: boolean;
  declinedAdvice: string | null;
  signed: boolean;
}

const no = (field: string, zh: string, en: string) => ({ ok: false as const, field, message: { zh, en } });

/** The first reason a delivery cannot be recorded, or ok. */
export function checkDelivery(
  f: DeliveryFacts,
  enterpriseId: string,
): { ok: true } | { ok: false; field: string; message: Messages } {
  if (!f.full || f.full.enterpriseId !== enterpriseId) {
    return no(
      'fullCode',
      '交付的满瓶不是本企业登记的气瓶（G-7.1.5）',
      'The full cylinder is not one of ours (G-7.1.5)',
    );
  }
  if (f.full.state !== 'full' && f.full.state !== 'dispatched') {
    return no(
      'fullCode',
      '只有充装检查合格的满瓶可以交付（G-7.1.6）',
      'Only a full cylinder that passed its check after filling is handed over (G-7.1.6)',
    );
  }
  if (f.sameCode)
    return no(
      'emptyCode',
      '回收的空瓶与交付的满瓶是同一个编码',
      'The empty and the full cylinder have one code',
    );
  if (f.emptyScanned && (!f.empty || f.empty.enterpriseId !== enterpriseId)) {
    return no(
      'emptyCode',
      '回收的空瓶不是本企业的气瓶，不得回收充装（G-7.1.2）',
      'The empty cylinder is not ours and is not taken back for filling (G-7.1.2)',
    );
  }
  if (f.empty && (f.empty.state === 'scrapped' || f.empty.state === 'disposed')) {
    return no('emptyCode', '该空瓶已报废', 'That empty cylinder is scrapped');
  }
  if (f.installed) {
    // G-7.2.2: installed means leak-checked and ignition-tested, and signed for by the customer.
    if (!f.leakChecked || !f.ignitionTested) {
      return no(
        'leakChecked',
        '安装后须检漏并点火试验（G-7.2.2）',
        'After installing: leak check and ignition test (G-7.2.2)',
      );
    }
    if (!f.signed) return no('signature', '请用户签字确认（G-7.2.2）', 'The customer signs for it (G-7.2.2)');
  } else if (!f.declinedAdvice || f.declinedAdvice.trim().length < 4) {
    return no(
      'declinedAdvice',
      '用户拒绝安装的，须记录已告知的安全注意事项（G-7.2.2）',
      'When the customer declines installation, note the advice given (G-7.2.2)',
    );
  }
  return { ok: true };
}

/** G-7.2.1: at the agreed time (within the grace), or with no agreed time counted by the order's clock. */
export function deliveredOnTime(agreedAt: Date | null, deliveredAt: Date): boolean {
  if (!agreedAt) return true;
  return deliveredAt.getTime() <= agreedAt.getTime() + DELIVERY_GRACE_MINUTES * 60_000;
}

export interface ResidueOutcome {
  limitG: number;
  excessG: number;
  /** The fill's price per kilogram, from the amount on the receipt. */
  priceFenPerKg: number;
  refundFen: number;
}

/**
 * G-7.1.14, G-7.1.13: residue above 3 % of the fill is refunded at the fill's price per kilogram (the published
 * rule in residents/public-rules). The price per kilogram is the receipt's amount over the rated fill.
 */
export function residueCompensation(input: {
  residueG: number;
  fillG: number;
  amountFen: number;
}): ResidueOutcome {
  const limitG = Math.floor((input.fillG * BOTTLED_GAS_RESIDUE_MAX_PERCENT) / 100);
  const excessG = Math.max(0, input.residueG - limitG);
  const priceFenPerKg = input.fillG > 0 ? Math.round((input.amountFen * 1000) / input.fillG) : 0;
  return {
    limitG,
    excessG,
    priceFenPerKg,
    refundFen: residueRefundFen(input.fillG, input.residueG, priceFenPerKg),
  };
}
