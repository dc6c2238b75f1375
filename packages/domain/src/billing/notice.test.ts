import { describe, expect, it } from 'vitest';
import { assertNoticeComplete, noticeProblems, paymentDueDate } from './notice.ts';
import type { PaymentNotice } from './notice.ts';
import { cal, codeOf, shown, thrown } from '../testing/support.ts';

const complete: PaymentNotice = {
  company: '淄博示例燃气有限公司',
  accountNumber: '3703000001',
  accountName: '张三',
  address: '张店区示例路1号',
  startReading: 1_000_000,
  endReading: 1_030_000,
  volume: 30_000,
  prices: [326],
  amountDueFen: 9780,
  payWhere: '营业厅、银行、微信、支付宝',
  payWhen: '营业厅 8:30–17:30，线上全天',
  payDeadline: '2025-09-30',
  payHow: '现金、银行卡、扫码',
  queryPhone: '0533-0000001',
  complaintPhone: '0533-0000002',
  supervisionPhone: '12345',
};

describe('G-6.2.7 payment notice fields', () => {
  it('G-6.2.7: a notice with every field has no problems', () => {
    expect(noticeProblems(complete)).toEqual([]);
    expect(() => assertNoticeComplete(complete)).not.toThrow();
  });

  it('G-6.2.7: every missing field is listed, in both languages, and the notice is refused', () => {
    const draft: PaymentNotice = { ...complete, supervisionPhone: ' ', prices: [] };
    delete draft.payDeadline;
    delete draft.address;
    const problems = noticeProblems(draft);
    expect(problems.map((p) => p.field)).toEqual(['address', 'prices', 'payDeadline', 'supervisionPhone']);
    expect(problems[0]?.message.zh).toBe('缴费通知缺少「用气地址」（G-6.2.7）。');
    expect(problems[3]?.message.en).toBe('The payment notice lacks the supervision phone (G-6.2.7).');
    const error = thrown(() => assertNoticeComplete(draft)) as {
      code: string;
      details: { problems: unknown[] };
    };
    expect(error.code).toBe('BILLING_NOTICE_INCOMPLETE');
    expect(error.details.problems).toHaveLength(4);
  });

  it('G-6.2.7: an empty notice lists all 16 fields; a volume that is not end − start is flagged', () => {
    expect(noticeProblems({})).toHaveLength(16);
    expect(noticeProblems({ ...complete, volume: 29_999 }).map((p) => p.field)).toEqual(['volume']);
  });

  it('G-6.2.2, G-6.2.7: a meter exchanged inside the period: each meter end − start, the volume their sum', () => {
    const exchanged: PaymentNotice = {
      ...complete,
      startReading: 0,
      endReading: 12_000,
      volume: 30_000,
      meters: [
        {
          serialNo: 'OLD-1',
          startReading: 1_000_000,
          endReading: 1_018_000,
          volume: 18_000,
          removedOn: '2025-09-15',
        },
        { serialNo: 'NEW-2', startReading: 0, endReading: 12_000, volume: 12_000 },
      ],
    };
    expect(noticeProblems(exchanged)).toEqual([]);
    const wrongSum = noticeProblems({ ...exchanged, volume: 29_000 });
    expect(wrongSum.map((p) => p.field)).toEqual(['volume']);
    expect(wrongSum[0]!.message.en).toContain('sum of the meters');
    const wrongMeter = noticeProblems({
      ...exchanged,
      meters: [{ ...exchanged.meters![0]!, volume: 17_000 }, exchanged.meters![1]!],
    });
    expect(wrongMeter[0]!.message.zh).toContain('OLD-1');
  });
});

describe('G-6.2.6 payment due date', () => {
  it('G-6.2.6: a notice of 2025-09-20 gives 10 days, last day 2025-09-30', () => {
    const due = paymentDueDate('2025-09-20', undefined, cal);
    expect(due).toMatchObject({ lastDay: '2025-09-30', days: 10, source: 'statutory' });
    expect(shown(due.due)).toBe('2025-09-30 24:00');
    expect(due.explanation.zh).toContain('G-6.2.6');
  });

  it('G-6.2.6: a last day on National Day moves to the next working day 2025-10-09', () => {
    expect(paymentDueDate('2025-09-21', undefined, cal).lastDay).toBe('2025-10-09');
  });

  it('G-6.2.6: a last day on a Saturday moves to Monday', () => {
    // 2025-11-05 + 10 = 2025-11-15, a Saturday.
    expect(paymentDueDate('2025-11-05', undefined, cal).lastDay).toBe('2025-11-17');
  });

  it('G-6.2.6: the contract may say otherwise', () => {
    expect(paymentDueDate('2025-11-05', 15, cal)).toMatchObject({
      lastDay: '2025-11-20',
      days: 15,
      source: 'contract',
    });
    expect(codeOf(() => paymentDueDate('2025-11-05', 0, cal))).toBe('BILLING_CONTRACT_DAYS_INVALID');
    expect(codeOf(() => paymentDueDate('2025-11-31', undefined, cal))).toBe('DATE_INVALID');
  });
});
