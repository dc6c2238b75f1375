import { INSPECTION_CHECKLIST, PATROL_ITEMS } from '@ranre/domain';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../../db/client.ts';

// G-5.11.6: a hazard past its deadline and still open raises one alert (emergency_alerts, the watchers' table with its
// once-per-key index: `hazard_overdue:<id>`), however often the watcher runs. One INSERT … SELECT per pass.

export const HAZARD_WATCHER_JOB = 'hazard-overdue-watcher';

const LABELS = JSON.stringify(
  Object.fromEntries([...INSPECTION_CHECKLIST, ...PATROL_ITEMS].map((i) => [i.code, i.label])),
);

/** One pass as of `now` on a connection or transaction; returns the number of alerts newly raised. */
export async function raiseHazardAlerts(db: Db, now: Date): Promise<number> {
  const r = await db.execute(sql`
    with l as materialized (select ${LABELS}::jsonb as m)
    insert into emergency_alerts (enterprise_id, key, kind, clause, due_at, message, created_at)
    select h.enterprise_id, 'hazard_overdue:' || h.id, 'hazard_overdue', 'G-5.11.6', h.due_at,
      jsonb_build_object(
        'zh', '隐患逾期未整改：' || coalesce(l.m -> h.item ->> 'zh', h.item) || '（' || coalesce(c.name, h.location) ||
          '），整改期限 ' || to_char(h.due_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') ||
          '，请复查督促整改或依法处置（G-5.11.6）',
        'en', 'Hazard overdue: ' || coalesce(l.m -> h.item ->> 'en', h.item) || ' (' || coalesce(c.name, h.location) ||
          '), due ' || to_char(h.due_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') ||
          '; re-inspect and see it fixed (G-5.11.6)'),
      ${now.toISOString()}::timestamptz
    from hazards h cross join l left join customers c on c.id = h.customer_id
    where h.status = 'open' and h.due_at < ${now.toISOString()}::timestamptz
    on conflict (enterprise_id, key) do nothing
    returning id`);
  return (r as unknown as { rows: unknown[] }).rows.length;
}

export async function runHazardWatcher(deps: { database: Database }, now: Date): Promise<number> {
  return raiseHazardAlerts(deps.database.db, now);
}
