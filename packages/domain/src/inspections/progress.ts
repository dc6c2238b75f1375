// The plan's progress (G-5.11.1): planned, done, outstanding and overdue against each visit's window.

import { toShanghaiDate, type DateString } from '../time/shanghai.ts';

export interface VisitForProgress {
  windowFrom: DateString;
  windowTo: DateString;
  inspected: boolean;
}

export interface Progress {
  planned: number;
  done: number;
  outstanding: number;
  /** Not inspected and the window's last day is over (Beijing time). */
  overdue: number;
  /** Of the outstanding, those whose window has opened. */
  due: number;
}

/**
 * Counted per visit: done when inspected (refusals and nobody home never count), overdue when not done and `now` is
 * past the window's last day. The server's progress query counts the same way, in SQL.
 */
export function planProgress(visits: readonly VisitForProgress[], now: Date): Progress {
  const today = toShanghaiDate(now);
  const p: Progress = { planned: 0, done: 0, outstanding: 0, overdue: 0, due: 0 };
  for (const v of visits) {
    p.planned += 1;
    if (v.inspected) {
      p.done += 1;
      continue;
    }
    p.outstanding += 1;
    if (v.windowTo < today) p.overdue += 1;
    if (v.windowFrom <= today) p.due += 1;
  }
  return p;
}
