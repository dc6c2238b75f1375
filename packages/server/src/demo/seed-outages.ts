import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { heatingOutages, heatingSeasons } from '../db/schema.ts';

// Issue 14 demo: heating interruptions for the operation accident rate (H-10.5.1) of every demo heating company, in
// the months of the last two seasons that have passed — most within 2 ‰, one month over it, one interruption not
// the company's (left out). Each duration is worked out from the ratio wanted, the month's minutes and the company's
// heated area in the archive, so the rates land where intended whatever the customer seed made; every time is derived
// from `now`. A heating company without seasons of its own gets the main company's dates (the city's notice).

const MONTH_MINUTES = 31 * 24 * 60;
/** Per company, per month of a season (0 = the season's first December): the ‰ wanted and whose fault. */
const PLANS: { month: number; permille: number; companyCaused: boolean; cause: string }[][] = [
  [
    { month: 0, permille: 0.8, companyCaused: true, cause: '一级网阀门井漏水抢修' },
    { month: 1, permille: 3.2, companyCaused: true, cause: '换热站循环泵烧毁，备用泵未能切换' },
    { month: 2, permille: 1.5, companyCaused: false, cause: '外部电网检修停电' },
    { month: 2, permille: 0.4, companyCaused: true, cause: '二级网补偿器更换' },
  ],
  [
    { month: 0, permille: 0.5, companyCaused: true, cause: '庭院管网爆管抢修' },
    { month: 1, permille: 1.2, companyCaused: true, cause: '板式换热器堵塞清洗' },
  ],
];

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

export async function seedOutages(tx: Db, now: Date): Promise<number> {
  const companies = rowsOf<{ id: string; user_id: string | null }>(
    await tx.execute(sql`
      select e.id, (select u.id from users u where u.enterprise_id = e.id order by u.created_at limit 1) as user_id
      from enterprises e where e.kind in ('heating', 'heating_reseller') order by e.created_at, e.name`),
  );
  const template = rowsOf<{ period: string; starts_on: string; ends_on: string }>(
    await tx.execute(sql`
      select distinct period, starts_on::text, ends_on::text from heating_seasons order by period`),
  );
  let made = 0;
  let rated = 0;
  for (const c of companies) {
    const own = rowsOf<{ n: number }>(
      await tx.execute(
        sql`select count(*)::int as n from heating_seasons where enterprise_id = ${c.id}::uuid`,
      ),
    )[0]!.n;
    if (Number(own) === 0 && template.length > 0) {
      await tx.insert(heatingSeasons).values(
        template.map((s) => ({
          enterpriseId: c.id,
          area: '全市',
          districts: [],
          period: s.period,
          startsOn: s.starts_on,
          endsOn: s.ends_on,
          legalHeatingDays: 120,
          paymentDueOn: s.starts_on,
          basis: '淄博市人民政府供热起止时间通知（演示）',
        })),
      );
    }
    const communities = rowsOf<{ community: string; area: string; n: number }>(
      await tx.execute(sql`
        select community, sum(heated_area_m2)::text as area, count(*)::int as n from premises
        where enterprise_id = ${c.id}::uuid and heated_area_m2 is not null and community <> ''
        group by community order by sum(heated_area_m2) desc, community`),
    );
    const total = communities.reduce((s, x) => s + Number(x.area), 0);
    if (communities.length === 0 || !c.user_id) continue;
    // The plans go to the companies that have an archive to rate, the first one over 2 ‰ in a month.
    const plan = PLANS[rated++ % PLANS.length]!;
    for (const s of template) {
      const startYear = Number(s.period.slice(0, 4));
      for (const [k, p] of plan.entries()) {
        // Communities from the k-th on, as many as keep the interruption within three days (and so in its month).
        const wanted = (p.permille / 1000) * MONTH_MINUTES * total;
        const named: typeof communities = [];
        let area = 0;
        for (let j = 0; j < communities.length && (area === 0 || wanted / area > 3 * 24 * 60); j += 1) {
          const next = communities[(k + j) % communities.length]!;
          named.push(next);
          area += Number(next.area);
        }
        const minutes = Math.round(wanted / area);
        const month = p.month === 0 ? `${startYear}-12` : `${startYear + 1}-0${p.month}`;
        const startedAt = new Date(`${month}-${String(8 + k * 5).padStart(2, '0')}T07:30:00+08:00`);
        const restoredAt = new Date(startedAt.getTime() + minutes * 60_000);
        if (restoredAt.getTime() > now.getTime()) continue;
        await tx.insert(heatingOutages).values({
          enterpriseId: c.id,
          communities: named.map((x) => x.community),
          heatedAreaM2: area.toFixed(2),
          households: named.reduce((n, x) => n + Number(x.n), 0),
          startedAt,
          restoredAt,
          companyCaused: p.companyCaused,
          cause: p.cause,
          createdBy: c.user_id,
          createdAt: restoredAt,
          restoredBy: c.user_id,
        });
        made += 1;
      }
    }
  }
  return made;
}
