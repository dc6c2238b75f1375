// G-6.2.7: what a payment notice must show; G-6.2.6: at least 10 days to pay after the notice unless the contract
// says otherwise. The last day is counted by the sla engine: the notice day does not count, and a last day on a rest
// day moves to the next working day (民法典 arts. 201, 203).

import { domainError } from '../errors.ts';
import type { Messages } from '../errors.ts';
import type { WorkCalendar } from '../calendar/types.ts';
import { computeDeadline } from '../sla/deadline.ts';
import { assertDateString, shanghaiMidnightUtc } from '../time/shanghai.ts';
import type { DateString } from '../time/shanghai.ts';

/** Fields are optional in the type so an incomplete draft can be checked; money in fen, volumes in litres. */
export interface PaymentNotice {
  company?: string;
  accountNumber?: string;
  accountName?: string;
  address?: string;
  startReading?: number;
  endReading?: number;
  volume?: number;
  /** Unit price(s) in fen/m³, one per priced line. */
  prices?: readonly number[];
  amountDueFen?: number;
  payWhere?: string;
  payWhen?: string;
  payDeadline?: DateString;
  payHow?: string;
  queryPhone?: string;
  complaintPhone?: string;
  supervisionPhone?: string;
  /**
   * G-6.2.2: when a meter was exchanged or removed inside the period, each meter's own start and end reading; the
   * volume is then their sum, and start/end reading are the last meter's.
   */
  meters?: readonly NoticeMeterSegment[];
}

/** One meter's part of a period: its serial number, its readings and the litres between them. */
export interface NoticeMeterSegment {
  serialNo: string;
  startReading: number;
  endReading: number;
  volume: number;
  /** The day the meter was taken out (exchange or removal), if it was. */
  removedOn?: DateString;
}

export interface NoticeProblem {
  field: keyof PaymentNotice;
  message: Messages;
}

const REQUIRED: readonly [keyof PaymentNotice, string, string][] = [
  ['company', '供气企业名称', 'company name'],
  ['accountNumber', '户号', 'account number'],
  ['accountName', '户名', 'account name'],
  ['address', '用气地址', 'address'],
  ['startReading', '起始读数', 'start reading'],
  ['endReading', '截止读数', 'end reading'],
  ['volume', '用气量', 'volume'],
  ['prices', '单价', 'price'],
  ['amountDueFen', '应缴金额', 'amount due'],
  ['payWhere', '缴费地点', 'where to pay'],
  ['payWhen', '缴费时间', 'when to pay'],
  ['payDeadline', '缴费期限', 'payment deadline'],
  ['payHow', '缴费方式', 'how to pay'],
  ['queryPhone', '查询电话', 'query phone'],
  ['complaintPhone', '投诉电话', 'complaint phone'],
  ['supervisionPhone', '监督电话', 'supervision phone'],
];

function missing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return !Number.isSafeInteger(value);
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Every missing G-6.2.7 field, plus a volume that does not equal end − start reading. */
export function noticeProblems(notice: PaymentNotice): NoticeProblem[] {
  const problems: NoticeProblem[] = REQUIRED.filter(([field]) => missing(notice[field])).map(
    ([field, zh, en]) => ({
      field,
      message: {
        zh: `缴费通知缺少「${zh}」（G-6.2.7）。`,
        en: `The payment notice lacks the ${en} (G-6.2.7).`,
      },
    }),
  );
  const { startReading, endReading, volume } = notice;
  const segments = notice.meters ?? [];
  if (segments.length > 0) {
    // G-6.2.2 exchange inside the period: every meter's volume is its own end − start; the notice's is their sum.
    const bad = segments.find((m) => m.endReading - m.startReading !== m.volume);
    const sum = segments.reduce((s, m) => s + m.volume, 0);
    if (bad || (!missing(volume) && sum !== volume)) {
      problems.push({
        field: 'volume',
        message: {
          zh: bad
            ? `表 ${bad.serialNo} 的用气量不等于其截止读数减起始读数。`
            : `用气量 ${String(volume)} 不等于各表用气量之和 ${sum}。`,
          en: bad
            ? `The volume of meter ${bad.serialNo} is not its end reading minus its start reading.`
            : `Volume ${String(volume)} is not the sum of the meters' volumes (${sum}).`,
        },
      });
    }
    return problems;
  }
  if (
    !missing(startReading) &&
    !missing(endReading) &&
    !missing(volume) &&
    (endReading as number) - (startReading as number) !== volume
  ) {
    problems.push({
      field: 'volume',
      message: {
        zh: `用气量 ${String(volume)} 不等于截止读数减起始读数。`,
        en: `Volume ${String(volume)} is not the end reading minus the start reading.`,
      },
    });
  }
  return problems;
}

/** Throws BILLING_NOTICE_INCOMPLETE listing every problem; a notice is refused if one field is missing. */
export function assertNoticeComplete(notice: PaymentNotice): void {
  const problems = noticeProblems(notice);
  if (problems.length > 0) {
    throw domainError(
      'BILLING_NOTICE_INCOMPLETE',
      `缴费通知不完整：${problems.map((p) => p.message.zh).join('')}`,
      `Incomplete payment notice: ${problems.map((p) => p.message.en).join(' ')}`,
      { problems },
    );
  }
}

export const STATUTORY_PAYMENT_DAYS = 10;

export interface PaymentDue {
  /** The last day to pay (payment accepted until 24:00 of it). */
  lastDay: DateString;
  due: Date;
  days: number;
  source: 'statutory' | 'contract';
  explanation: Messages;
}

/** G-6.2.6: `contractDays` (a whole number ≥ 1) replaces the 10 days when the contract says otherwise. */
export function paymentDueDate(
  noticeDate: DateString,
  contractDays: number | undefined,
  calendar: WorkCalendar,
): PaymentDue {
  assertDateString(noticeDate);
  if (contractDays !== undefined && (!Number.isSafeInteger(contractDays) || contractDays < 1)) {
    throw domainError(
      'BILLING_CONTRACT_DAYS_INVALID',
      `合同约定的缴费天数须为正整数，收到「${String(contractDays)}」。`,
      `Contract payment days must be a positive whole number; got "${String(contractDays)}".`,
      { contractDays },
    );
  }
  const days = contractDays ?? STATUTORY_PAYMENT_DAYS;
  const deadline = computeDeadline(shanghaiMidnightUtc(noticeDate), `${days}d`, calendar);
  const source = contractDays === undefined ? 'statutory' : 'contract';
  const prefix: Messages =
    source === 'statutory'
      ? { zh: 'G-6.2.6 缴费期不少于10日：', en: 'G-6.2.6 at least 10 days to pay: ' }
      : { zh: `按合同约定 ${days} 日：`, en: `Contract term of ${days} days: ` };
  return {
    lastDay: deadline.lastDay as DateString,
    due: deadline.due,
    days,
    source,
    explanation: { zh: prefix.zh + deadline.explanation.zh, en: prefix.en + deadline.explanation.en },
  };
}
