import { priceAcrossTierYears, tierYearOf, type DateString, type PriceSchedule } from '@ranre/domain';
import type { BillDraft } from '../billing-runs/engine.writer.ts';

// A correction is a new document (G-6.2.5: a bill built on an estimate above the next actual reading is corrected,
// never edited). It names the bill it corrects, reverses that bill's lines, prices the corrected volume over the same
// period and carries the difference: negative when the customer was over-billed (多退), positive otherwise (少补).

export interface CorrectedBill {
  id: string;
  enterpriseId: string;
  customerId: string;
  period: string;
  billNo: string;
  periodFrom: string;
  periodTo: string;
  startRegister: number;
  /** The register the bill as corrected so far ends at, and its volume and amount (original + corrections). */
  endRegister: number;
  volume: number;
  amountFen: number;
  lines: Record<string, unknown>[];
}

export function correctionBillNo(billNo: string, n: number): string {
  return `${billNo}-C${n}`;
}

export function buildCorrection(input: {
  bill: CorrectedBill;
  /** The register the period should have ended at. */
  correctedEnd: number;
  schedules: PriceSchedule[];
  tierYearStartMonth: number;
  tierUsedBefore: number;
  sequence: number;
  reason: string;
  issuedOn: DateString;
  runId: string | null;
  actorId: string | null;
  id: string;
}): BillDraft {
  const { bill } = input;
  const newVolume = Math.max(0, input.correctedEnd - bill.startRegister);
  const tierYear = tierYearOf(bill.periodFrom as DateString, input.tierYearStartMonth);
  const priced = priceAcrossTierYears({
    periodStart: bill.periodFrom as DateString,
    periodEnd: bill.periodTo as DateString,
    volume: newVolume,
    schedules: input.schedules,
    tierUsage: { [tierYear]: Math.max(0, input.tierUsedBefore) },
    tierYearStartMonth: input.tierYearStartMonth,
  });
  const reversal = bill.lines.map((l) => ({
    ...l,
    role: 'reversal',
    volume: -Number(l.volume ?? 0),
    amount: -Number(l.amount ?? 0),
  }));
  const rebill = priced.lines.map((l) => ({ ...l, role: 'rebill' }));
  return {
    id: input.id,
    enterpriseId: bill.enterpriseId,
    customerId: bill.customerId,
    period: bill.period,
    billNo: correctionBillNo(bill.billNo, input.sequence),
    kind: 'correction',
    correctsBillId: bill.id,
    periodFrom: bill.periodFrom,
    periodTo: bill.periodTo,
    startRegister: bill.startRegister,
    endRegister: bill.startRegister + newVolume,
    volume: newVolume - bill.volume,
    estimated: false,
    amountFen: priced.amount - bill.amountFen,
    lines: [...reversal, ...rebill],
    runId: input.runId,
    note: input.reason,
    issuedOn: input.issuedOn,
    createdBy: input.actorId,
  };
}
