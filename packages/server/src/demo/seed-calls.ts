import { addDays, shanghaiMidnightUtc, toShanghaiDate, type DateString } from '@ranre/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  callAnswerThresholds,
  callRecords,
  enterprises,
  satisfactionResponses,
  users,
  windowWaitSamples,
} from '../db/schema.ts';
import { DEMO_ENTERPRISES } from './seed-data.ts';

// Issue 14 demo: the last four months of hotline calls for the demo gas and heating companies (G-12.4.1.1, H-3.13)
// sampled window waits at the gas companies' halls (G-12.4.1.2) and monthly satisfaction surveys (H-3.14), so the cockpit has a connection rate and an
// average wait per month — some months better than others, one company over the 15 minutes. Every time is derived
// from `now`; the numbers come from a fixed sequence, so each run gives the same figures for the same day.

/** Per enterprise: calls a day, the share answered within ~10 s, the share abandoned (the rest answered late). */
const CALL_PROFILES: Record<string, { perDay: number; quick: number; abandoned: number }> = {
  gas: { perDay: 9, quick: 0.9, abandoned: 0.04 },
  gas2: { perDay: 5, quick: 0.96, abandoned: 0.02 },
  heat: { perDay: 12, quick: 0.8, abandoned: 0.08 },
  heat2: { perDay: 6, quick: 0.88, abandoned: 0.05 },
};
/** Per gas company: its hall and the typical wait in minutes (gas2's hall is the slow one). */
const WAIT_PROFILES: Record<string, { typical: number; spread: number }> = {
  gas: { typical: 9, spread: 10 },
  gas2: { typical: 13, spread: 12 },
};

/** A fixed pseudo-random sequence in [0, 1) (mulberry32): the same demo on every run. */
function sequence(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedCalls(tx: Db, now: Date) {
  const keys = [...new Set([...Object.keys(CALL_PROFILES), ...Object.keys(WAIT_PROFILES)])];
  const names = DEMO_ENTERPRISES.filter((e) => keys.includes(e.key));
  const found = await tx
    .select({ id: enterprises.id, name: enterprises.name, servicePoints: enterprises.servicePoints })
    .from(enterprises)
    .where(
      inArray(
        enterprises.name,
        names.map((n) => n.name),
      ),
    );
  const today = toShanghaiDate(now);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const firstDay =
    `${m <= 3 ? y - 1 : y}-${String(((m - 4 + 12) % 12) + 1).padStart(2, '0')}-01` as DateString;
  let calls = 0;
  let samples = 0;
  for (const spec of names) {
    const e = found.find((f) => f.name === spec.name);
    if (!e) continue;
    const [admin] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.enterpriseId, e.id), eq(users.role, 'enterprise_admin')))
      .limit(1);
    const by = admin?.id ?? e.id;
    const rnd = sequence(spec.key.split('').reduce((s, c) => s * 31 + c.charCodeAt(0), 7));
    const callProfile = CALL_PROFILES[spec.key];
    const waitProfile = WAIT_PROFILES[spec.key];
    if (callProfile && spec.key === 'gas') {
      // The gas company committed to 20 s from 45 days ago (before that the default applied).
      await tx.insert(callAnswerThresholds).values({
        enterpriseId: e.id,
        seconds: 20,
        effectiveFrom: shanghaiMidnightUtc(addDays(today, -45)),
        basis: '企业服务承诺：热线来电 20 秒内接听',
        setBy: by,
        setAt: shanghaiMidnightUtc(addDays(today, -46)),
      });
    }
    const surveyRows: (typeof satisfactionResponses.$inferInsert)[] = [];
    const callRows: (typeof callRecords.$inferInsert)[] = [];
    const waitRows: (typeof windowWaitSamples.$inferInsert)[] = [];
    for (let day = firstDay; day < today; day = addDays(day, 1)) {
      const midnight = shanghaiMidnightUtc(day).getTime();
      // Months differ a little: the month index shifts the answered share.
      const monthDrift = ((Number(day.slice(5, 7)) % 3) - 1) * 0.04;
      for (let i = 0; callProfile && i < callProfile.perDay; i++) {
        const rangAt = new Date(midnight + (8 * 3600 + Math.floor(rnd() * 12 * 3600)) * 1000);
        const r = rnd();
        const answeredAfter =
          r < callProfile.abandoned
            ? null
            : r < callProfile.abandoned + callProfile.quick + monthDrift
              ? 3 + Math.floor(rnd() * 12)
              : 16 + Math.floor(rnd() * 60);
        const answeredAt = answeredAfter === null ? null : new Date(rangAt.getTime() + answeredAfter * 1000);
        callRows.push({
          enterpriseId: e.id,
          externalId: `${spec.key.toUpperCase()}-${day.replace(/-/g, '')}-${String(i + 1).padStart(3, '0')}`,
          line: spec.key.startsWith('heat') ? '0533-96888' : '0533-96777',
          agent: `${1001 + Math.floor(rnd() * 6)}`,
          rangAt,
          answeredAt,
          endedAt: new Date((answeredAt ?? rangAt).getTime() + (20 + Math.floor(rnd() * 300)) * 1000),
          source: i % 2 === 0 ? 'push' : 'import',
          createdBy: by,
          createdAt: new Date(midnight + 23 * 3600 * 1000),
        });
      }
      // H-3.14, G-12.4.5: a sample survey of 15 respondents on the 10th of each month; a third party's on the 25th.
      const dom = Number(day.slice(8, 10));
      if (callProfile && (dom === 10 || (dom === 25 && spec.key.startsWith('heat')))) {
        for (let i = 0; i < 15; i++) {
          const r = rnd() - monthDrift;
          const grade = r < 0.7 ? 'satisfied' : r < 0.9 ? 'basically_satisfied' : 'dissatisfied';
          surveyRows.push({
            enterpriseId: e.id,
            source: dom === 10 ? 'sample' : 'third_party',
            surveyor: dom === 10 ? '客户服务中心' : '淄博市城市调查队',
            surveyedAt: new Date(midnight + 12 * 3600 * 1000),
            respondent: `Q${day.replace(/-/g, '')}${String(i + 1).padStart(2, '0')}`,
            grade,
            factors: {
              [spec.key.startsWith('heat') ? '室温' : '用气安全']: grade,
              服务态度: rnd() < 0.85 ? 'satisfied' : 'basically_satisfied',
            },
            createdBy: by,
            createdAt: new Date(midnight + 18 * 3600 * 1000),
          });
        }
      }
      const halls = e.servicePoints.filter((p) => p.takesPayments !== false).map((p) => p.name);
      const weekday = new Date(midnight + 8 * 3600 * 1000).getUTCDay();
      if (waitProfile && halls.length > 0 && weekday !== 0 && weekday !== 6) {
        for (let i = 0; i < 4; i++) {
          const minutes = Math.max(
            0,
            waitProfile.typical + (rnd() - 0.5) * waitProfile.spread + monthDrift * 40,
          );
          waitRows.push({
            enterpriseId: e.id,
            servicePoint: halls[i % halls.length]!,
            arrivedAt: new Date(midnight + (9 * 3600 + Math.floor(rnd() * 7 * 3600)) * 1000),
            waitSeconds: Math.round(minutes * 60),
            createdBy: by,
            createdAt: new Date(midnight + 18 * 3600 * 1000),
          });
        }
      }
    }
    for (let i = 0; i < callRows.length; i += 500)
      await tx.insert(callRecords).values(callRows.slice(i, i + 500));
    for (let i = 0; i < waitRows.length; i += 500) {
      await tx.insert(windowWaitSamples).values(waitRows.slice(i, i + 500));
    }
    if (surveyRows.length > 0) await tx.insert(satisfactionResponses).values(surveyRows);
    calls += callRows.length;
    samples += waitRows.length;
  }
  return { calls, samples };
}
