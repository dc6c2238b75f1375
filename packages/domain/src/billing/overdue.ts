// Overdue reminders (G-6.2.9): when a customer has not paid by the notice's due date, the company reminds him
// effectively and at the same time states the liability for breach (违约责任). The reminder steps are days after
// the due date; each step is sent at most once per notice (the outbox's dedupe key).

import type { Messages } from '../errors.ts';
import type { DateString } from '../time/shanghai.ts';
import { formatFen } from './units.ts';
import type { Fen } from './units.ts';

/** Days after the due date at which a reminder goes out. */
export const OVERDUE_REMINDER_STEPS = [1, 15, 30] as const;

/** The latest step reached after `daysOverdue` days, or null before the first. */
export function reminderStep(daysOverdue: number): number | null {
  let step: number | null = null;
  for (const s of OVERDUE_REMINDER_STEPS) if (daysOverdue >= s) step = s;
  return step;
}

export interface OverdueReminderInput {
  enterpriseName: string;
  hotline: string;
  accountNo: string;
  customerName: string;
  noticeNo: string;
  period: string;
  dueDate: DateString;
  daysOverdue: number;
  /** Unpaid on this notice. */
  owedFen: Fen;
  /** The account's whole overdue amount. */
  totalOverdueFen: Fen;
  /** The contract's own liability / penalty terms, quoted when present. */
  contractLiability?: string | null;
}

/** The reminder text: amount owed, days overdue, and the liability (G-6.2.9). */
export function overdueReminderText(r: OverdueReminderInput): Messages & { subject: Messages } {
  const liabilityZh = r.contractLiability?.trim()
    ? `按您与我公司签订的供用气合同，违约责任为：${r.contractLiability.trim()}。`
    : '逾期未交费的，按供用气合同约定承担违约责任（合同约定违约金的，按约定计收）。';
  const liabilityEn = r.contractLiability?.trim()
    ? `Under your supply contract the liability for late payment is: ${r.contractLiability.trim()}.`
    : 'Late payment carries the liability set in your supply contract (a late fee where the contract provides one).';
  const total =
    r.totalOverdueFen > r.owedFen
      ? {
          zh: `，账户逾期欠费合计 ${formatFen(r.totalOverdueFen)}`,
          en: `; ${formatFen(r.totalOverdueFen)} overdue on the account in all`,
        }
      : { zh: '', en: '' };
  return {
    subject: { zh: `燃气费逾期提醒（${r.accountNo}）`, en: `Overdue gas bill (${r.accountNo})` },
    zh:
      `【${r.enterpriseName}】尊敬的${r.customerName}（户号 ${r.accountNo}）：您 ${r.period} 的燃气费（缴费通知单 ${r.noticeNo}）` +
      `应于 ${r.dueDate} 前交纳，现已逾期 ${r.daysOverdue} 天，尚欠 ${formatFen(r.owedFen)}${total.zh}。请尽快交费。` +
      liabilityZh +
      `我公司仅依照法律法规和合同约定、经事先通知后方可停止供气。如有疑问请致电 ${r.hotline}。`,
    en:
      `[${r.enterpriseName}] Dear ${r.customerName} (account ${r.accountNo}): your gas bill for ${r.period} (notice ${r.noticeNo}) ` +
      `was due by ${r.dueDate} and is ${r.daysOverdue} days overdue; ${formatFen(r.owedFen)} is unpaid${total.en}. Please pay soon. ` +
      liabilityEn +
      ` Supply may be stopped only as the law and the contract allow, and only after prior notice. Questions: ${r.hotline}.`,
  };
}
