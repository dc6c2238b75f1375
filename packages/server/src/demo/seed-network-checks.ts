import {
  DEFAULT_ODORANT_MIN,
  addDays,
  drawHouseholds,
  judgeInletPressure,
  judgeOdorant,
  roundPeriod,
  shanghaiMidnightUtc,
  toShanghaiDate,
  HOUR_MS,
} from '@ranre/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as repo from '../modules/gas/network-checks/network-checks.repository.ts';

// Demo of G-6.2.15 and G-6.2.16 for the demo gas company: two regulating stations with near and far communities
// taken from its archive, a draw and its checks in the last two-month period and in this one when it is under
// way (one reading out of band), and an odorant check in each of the last three months (one under the minimum).
// Every time comes from `now`, so the demo reads the same on any day.

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
/** Inlet pressures in Pa, cycled over the households; 1,380 Pa is below natural gas's band. */
const READINGS = [2050, 1920, 2210, 1380, 2100, 2300];

export async function seedNetworkChecks(tx: Db, enterpriseId: string, now: Date) {
  const people = rowsOf<{ id: string }>(
    await tx.execute(sql`select id from users where enterprise_id = ${enterpriseId}::uuid and role = 'inspector'
      order by username limit 1`),
  );
  const by = people[0]?.id;
  if (!by) return;
  const communities = rowsOf<{ community: string }>(
    await tx.execute(sql`select p.community from premises p join customers c on c.id = p.customer_id
      where c.enterprise_id = ${enterpriseId}::uuid and c.status = 'active' and p.community <> ''
      group by p.community order by count(*) desc, p.community limit 4`),
  ).map((r) => r.community);
  if (communities.length < 4) return;
  const today = toShanghaiDate(now);
  const current = roundPeriod(today, 2);
  const previous = roundPeriod(addDays(current.from, -1), 2);
  const stations = [
    { name: '华光路调压站', near: [communities[0]!], far: [communities[3]!] },
    { name: '柳泉路调压站', near: [communities[1]!], far: [communities[2]!] },
  ];
  let n = 0;
  for (const [i, s] of stations.entries()) {
    const station = await repo.insertStation(tx, {
      enterpriseId,
      name: s.name,
      gasType: 'natural_gas',
      nearCommunities: s.near,
      farCommunities: s.far,
      createdBy: by,
      createdAt: shanghaiMidnightUtc(addDays(previous.from, -30)),
    });
    if (!station) continue;
    const days = [addDays(previous.from, 9 + i)];
    // This period's round is done for the first station only, so the second shows as still owed.
    if (i === 0 && addDays(current.from, 5) < today) days.push(addDays(current.from, 4));
    for (const day of days) {
      const drawnAt = new Date(shanghaiMidnightUtc(day).getTime() + 9 * HOUR_MS);
      const seed = `demo-${s.name}-${day}`;
      const near = drawHouseholds(`${seed}:near`, await repo.candidates(tx, enterpriseId, s.near), 3);
      const far = drawHouseholds(`${seed}:far`, await repo.candidates(tx, enterpriseId, s.far), 3);
      const draw = await repo.insertDraw(tx, {
        enterpriseId,
        stationId: station.id,
        seed,
        perSide: 3,
        near,
        far,
        candidates: near.length + far.length,
        drawnAt,
        createdBy: by,
      });
      for (const [k, customerId] of [...near, ...far].entries()) {
        const measuredPa = READINGS[(k + n) % READINGS.length]!;
        const verdict = judgeInletPressure('natural_gas', measuredPa);
        const checkedAt = new Date(drawnAt.getTime() + (k + 1) * 0.5 * HOUR_MS);
        await repo.insertPressureCheck(tx, {
          enterpriseId,
          stationId: station.id,
          drawId: draw.id,
          customerId,
          position: k < near.length ? 'near' : 'far',
          gasType: 'natural_gas',
          measuredPa,
          minPa: verdict.minPa,
          maxPa: verdict.maxPa,
          passed: verdict.passed,
          checkedAt,
          note: verdict.passed ? '' : '低于下限，已通知调压站调整出口压力',
          createdBy: by,
          createdAt: checkedAt,
        });
      }
      n += 1;
    }
  }
  // G-6.2.16: one odorant check in each of the last three months, at the far ends.
  for (const [k, back] of [3, 2, 1].entries()) {
    const month = roundPeriod(addDays(roundPeriod(today, 1).from, -28 * back), 1);
    const checkedAt = new Date(shanghaiMidnightUtc(addDays(month.from, 12)).getTime() + 10 * HOUR_MS);
    const measured = [24.5, 18.2, 22.8][k]!;
    await repo.insertOdorantCheck(tx, {
      enterpriseId,
      location: `${communities[3 - (k % 2)]}末端调压箱`,
      measuredMgM3: measured,
      minMgM3: DEFAULT_ODORANT_MIN.mgPerM3,
      thresholdSource: DEFAULT_ODORANT_MIN.source,
      passed: judgeOdorant(measured, DEFAULT_ODORANT_MIN.mgPerM3),
      checkedAt,
      checkedBy: '化验室 王敏',
      note: measured < DEFAULT_ODORANT_MIN.mgPerM3 ? '偏低，已调整加臭机并复测' : '',
      createdBy: by,
      createdAt: checkedAt,
    });
  }
}
