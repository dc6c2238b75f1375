// G-5.11.2: an inspection is announced to the household ahead, done at the agreed time, and the inspector shows who
// he is. The announcement names the day, the time window, the inspector with his badge number and the phone to
// agree another time; the clause sets no lead time, so the company's rule is kept here as data.

import { DomainError, type Messages } from '../errors.ts';
import { addDays, weekdayName, type DateString } from '../time/shanghai.ts';

/** The company's rule: announced at least the day before (G-5.11.2 says "提前告知" without a number). */
export const ANNOUNCEMENT_LEAD_DAYS = 1;

export interface Announcement {
  company: string;
  hotline: string;
  inspectorName: string;
  badgeNo: string;
  date: DateString;
  /** 'HH:mm-HH:mm' */
  timeWindow: string;
}

/** Refuses a visit day that leaves the household less than the lead time, or a window that ends before it starts. */
export function assertAnnouncement(a: { date: DateString; timeWindow: string }, today: DateString): void {
  if (a.date < addDays(today, ANNOUNCEMENT_LEAD_DAYS))
    throw new DomainError('INSPECTION_ANNOUNCE_TOO_LATE', {
      zh: `安检须提前告知用户：最早可约 ${addDays(today, ANNOUNCEMENT_LEAD_DAYS)}（G-5.11.2）`,
      en: `An inspection is announced ahead: the earliest day is ${addDays(today, ANNOUNCEMENT_LEAD_DAYS)} (G-5.11.2)`,
    });
  const [from = '', to = ''] = a.timeWindow.split('-');
  if (!(from < to))
    throw new DomainError('VALUE_INVALID', {
      zh: '上门时段的结束时间须晚于开始时间',
      en: 'The time window must end after it starts',
    });
}

/** The message each household receives (SMS or a letter) and the building notice's text. */
export function announcementText(a: Announcement): Messages {
  const day = weekdayName(a.date);
  return {
    zh:
      `【${a.company}】尊敬的用户：我公司安检员${a.inspectorName}（工号 ${a.badgeNo}）将于 ${a.date}（${day.zh}）` +
      `${a.timeWindow} 上门进行燃气安全检查，届时将出示工作证件，请家中留人。如需另约时间，请致电 ${a.hotline}。`,
    en:
      `${a.company}: our inspector ${a.inspectorName} (badge ${a.badgeNo}) will carry out the gas safety inspection ` +
      `on ${a.date} (${day.en}) ${a.timeWindow} and will show his card. Please be at home; to agree another time, ` +
      `call ${a.hotline}.`,
  };
}

/** The confirmation of a time the household asked for. */
export function appointmentText(a: Omit<Announcement, 'date' | 'timeWindow'> & { at: string }): Messages {
  return {
    zh: `【${a.company}】已按您的要求约定燃气安全检查时间：${a.at}，安检员${a.inspectorName}（工号 ${a.badgeNo}）。如有变化请致电 ${a.hotline}。`,
    en: `${a.company}: your gas safety inspection is booked for ${a.at} as you asked, inspector ${a.inspectorName} (badge ${a.badgeNo}). Call ${a.hotline} to change it.`,
  };
}
