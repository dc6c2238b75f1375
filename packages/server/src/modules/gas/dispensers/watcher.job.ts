import { shanghaiMidnightUtc, toShanghaiDate } from '@ranre/domain';
import type { Database, Db } from '../../../db/client.ts';
import { raiseAlerts } from '../../emergency/duty/duty.repository.ts';
import * as repo from './dispensers.repository.ts';
import { toDispenser } from './dispensers.service.ts';

// G-8.1.2: the dispenser watcher raises one alert when a verification falls due within the window and one when it
// is overdue (or failed), in the readiness alerts table the emergency page and the dispensers page both list. The
// key names the dispenser and the due date, so each is raised once per verification however often it runs.

export const DISPENSER_WATCHER_JOB = 'dispenser-verification-watcher';

export async function runDispenserWatcher(deps: { database: Database }, now: Date): Promise<number> {
  return raiseDispenserAlerts(deps.database.db, now);
}

export async function raiseDispenserAlerts(db: Db, now: Date): Promise<number> {
  const today = toShanghaiDate(now);
  const latest = new Map((await repo.latestVerifications(db, null)).map((l) => [l.dispenserId, l]));
  const alerts = [];
  for (const d of await repo.list(db, null)) {
    const s = toDispenser(d, latest.get(d.id), today);
    if (s.state === 'valid') continue;
    const name = `${d.station} ${d.number}号加气机`;
    const nameEn = `${d.station} dispenser ${d.number}`;
    const due = s.dueOn ?? today;
    const soon = s.state === 'due_soon';
    alerts.push({
      enterpriseId: d.enterpriseId,
      key: `dispenser:${d.id}:${s.last?.id ?? 'never'}:${soon ? 'due_soon' : 'overdue'}`,
      kind: soon ? 'dispenser_due' : 'dispenser_overdue',
      clause: 'G-8.1.2',
      dueAt: shanghaiMidnightUtc(due),
      message: soon
        ? {
            zh: `${name}计量检定将于 ${due} 到期（剩 ${s.daysLeft} 天），请及时送检（G-8.1.2）。`,
            en: `${nameEn}: metrological verification due on ${due} (${s.daysLeft} days left) (G-8.1.2).`,
          }
        : s.state === 'failed'
          ? {
              zh: `${name}计量检定不合格，停止使用至检定合格（G-8.1.2）。`,
              en: `${nameEn} failed its verification: out of use until it passes (G-8.1.2).`,
            }
          : s.state === 'never'
            ? {
                zh: `${name}无计量检定记录，不得用于加气（G-8.1.2）。`,
                en: `${nameEn} has no verification on record and may not be used (G-8.1.2).`,
              }
            : {
                zh: `${name}计量检定已于 ${due} 过期，停止使用并送检（G-8.1.2）。`,
                en: `${nameEn}: verification expired on ${due}; stop using it and have it verified (G-8.1.2).`,
              },
      createdAt: now,
    });
  }
  return raiseAlerts(db, alerts);
}
