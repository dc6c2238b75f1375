import {
  addDays,
  CYLINDER_MODELS,
  cylinderDates,
  judgeFill,
  parseShanghaiDateTime,
  toShanghaiDate,
  type CylinderModel,
} from '@ranre/domain';
import { and, eq, sql } from 'drizzle-orm';
import { fromJsonRows, type JsonColumn } from '../db/json-rows.ts';
import type { Db } from '../db/client.ts';
import {
  type cylinderEvents,
  cylinderFills,
  cylinderFillScans,
  cylinders,
  staff,
  users,
} from '../db/schema.ts';

// Issue 18 demo: the LPG company's register of 3,000 cylinders (ages from new to near their 15-year life, a few
// overdue for inspection, one untreated after inspection, scrapped and disposed codes), a season (120 days) of fills
// with the checks after them, dispatch, delivery and return, and refusals at the filling line. All relative to `now`;
// dates come from the domain's own rules, the random choices from a fixed seed so every run looks alike.

const COUNT = 3_000;
const SEASON_DAYS = 120;
const STATION = '淄川充装站';
const MANUFACTURERS = ['山东示范钢瓶有限公司', '淄博示范压力容器厂', '济南示范气瓶制造有限公司'];
type CylinderRow = typeof cylinders.$inferInsert & { id: string };
type EventRow = typeof cylinderEvents.$inferInsert;
const iso = (d: Date | undefined) => d!.toISOString();
/** Tens of thousands of events: sent as one JSON parameter per chunk (db/json-rows.ts), not bound row by row. */
const EVENT_COLUMNS: readonly JsonColumn<EventRow>[] = [
  ['enterprise_id', 'uuid', (e) => e.enterpriseId],
  ['cylinder_id', 'uuid', (e) => e.cylinderId],
  ['type', 'text', (e) => e.type],
  ['at', 'timestamptz', (e) => iso(e.at)],
  ['place', 'text', (e) => e.place],
  ['actor_name', 'text', (e) => e.actorName],
  ['details', 'jsonb', (e) => e.details],
  ['created_at', 'timestamptz', (e) => iso(e.createdAt)],
];

export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function chunked<T>(rows: T[], size: number, write: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function seedCylinders(tx: Db, enterpriseId: string, now: Date) {
  const rnd = random(370302);
  const today = toShanghaiDate(now);
  const [admin] = await tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.enterpriseId, enterpriseId), eq(users.username, 'lpg_admin')));
  const fillers = (
    await tx
      .select({ name: staff.name })
      .from(staff)
      .where(and(eq(staff.enterpriseId, enterpriseId), eq(staff.post, '充装工')))
  ).map((s) => s.name);
  const couriers = (
    await tx
      .select({ name: staff.name })
      .from(staff)
      .where(and(eq(staff.enterpriseId, enterpriseId), eq(staff.post, '送气工')))
  ).map((s) => s.name);
  const filler = () => fillers[Math.floor(rnd() * fillers.length)] ?? admin!.name;
  const courier = () => couriers[Math.floor(rnd() * couriers.length)] ?? admin!.name;
  const models = [CYLINDER_MODELS[2]!, CYLINDER_MODELS[1]!, CYLINDER_MODELS[3]!];
  const at = (date: string, hour: number) =>
    parseShanghaiDateTime(
      `${date} ${String(hour).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}`,
    );

  const rows: CylinderRow[] = [];
  const events: EventRow[] = [];
  const scans: (typeof cylinderFillScans.$inferInsert & { id: string })[] = [];
  const fills: (typeof cylinderFills.$inferInsert)[] = [];
  const event = (
    c: CylinderRow,
    type: string,
    when: Date,
    actorName: string,
    details = {},
    place = STATION,
  ) =>
    events.push({
      enterpriseId,
      cylinderId: c.id,
      type,
      at: when,
      place,
      actorId: null,
      actorName,
      details,
      createdAt: when,
    });

  for (let i = 0; i < COUNT; i++) {
    const r = rnd();
    const model: CylinderModel = r < 0.8 ? models[0]! : r < 0.95 ? models[1]! : models[2]!;
    // Ages from a month to 14½ years, spread evenly.
    const ageDays = 30 + Math.floor(rnd() * 5_300);
    const manufacturedOn = addDays(today, -ageDays);
    const kind = i % 100; // 0–1 scrapped, 2 overdue, 3 (first 10 only) untreated after inspection
    const scrapped = kind < 2;
    const overdue = kind === 2;
    // The last inspection: within the last four years for cylinders older than four years.
    let lastInspectedOn: string | null = null;
    if (ageDays > 4 * 365)
      lastInspectedOn = addDays(today, -(overdue ? 1_470 + (i % 200) : 30 + Math.floor(rnd() * 1_400)));
    if (lastInspectedOn && lastInspectedOn < manufacturedOn) lastInspectedOn = null;
    const dates = cylinderDates({ manufacturedOn, lastInspectedOn });
    const untreated = kind === 3 && i < 1_000 && lastInspectedOn !== null;
    const registeredAt = at(addDays(manufacturedOn, 3), 9);
    const c: CylinderRow = {
      id: crypto.randomUUID(),
      enterpriseId,
      code: `YH${String(370_000_001 + i)}`,
      manufacturer: MANUFACTURERS[i % MANUFACTURERS.length]!,
      serialNo: `${manufacturedOn.slice(0, 4)}-${String(10_000 + ((i * 7919) % 90_000))}`,
      manufacturedOn,
      model: model.model,
      capacityDl: model.capacityDl,
      ratedFillG: model.ratedFillG,
      toleranceG: model.toleranceG,
      marking: '示范液化气',
      lastInspectedOn,
      nextInspectionOn: dates.nextInspectionOn,
      scrapDueOn: dates.scrapDueOn,
      lastTreatedOn: untreated
        ? addDays(lastInspectedOn!, -30)
        : addDays(lastInspectedOn ?? manufacturedOn, 1),
      scrappedOn: null,
      disposedOn: null,
      state: 'in_stock',
      createdBy: admin!.id,
      createdAt: registeredAt < now ? registeredAt : now,
    };
    rows.push(c);
    event(c, 'registered', c.createdAt!, admin!.name, { marking: c.marking, serialNo: c.serialNo });
    if (lastInspectedOn)
      event(
        c,
        'inspected',
        at(lastInspectedOn, 10),
        '淄博示范气瓶检验站',
        { inspectionPassed: true },
        '淄博示范气瓶检验站',
      );
    if (!untreated) event(c, 'treated', at(c.lastTreatedOn!, 15), filler());

    // A season of fills for cylinders that could be filled all season.
    const fillable =
      !scrapped && !overdue && !untreated && c.nextInspectionOn! >= today && c.scrapDueOn! > today;
    let day = addDays(today, -SEASON_DAYS + Math.floor(rnd() * 25));
    let last: { at: Date; net: number; outcome: string } | null = null;
    while (fillable && day <= today && day > (c.lastTreatedOn as string)) {
      const filledAt = at(day, 8 + Math.floor(rnd() * 9));
      if (filledAt > now) break;
      const x = rnd();
      // About 1 in 60 off the tolerance, 1 in 250 leaking: held, not dispatched.
      const deviation =
        x < 0.017
          ? model.toleranceG + 50 + Math.floor(rnd() * 300)
          : Math.floor((rnd() - 0.5) * model.toleranceG * 1.6);
      const leakFree = rnd() > 0.004;
      const net = model.ratedFillG + deviation;
      const judged = judgeFill({
        netWeightG: net,
        ratedFillG: model.ratedFillG,
        toleranceG: model.toleranceG,
        leakFree,
      });
      const scanId = crypto.randomUUID();
      const who = filler();
      scans.push({
        id: scanId,
        enterpriseId,
        code: c.code,
        cylinderId: c.id,
        station: `${STATION} ${1 + (i % 4)}号秤`,
        outcome: 'accepted',
        reason: null,
        actorId: null,
        scannedAt: filledAt,
      });
      fills.push({
        enterpriseId,
        cylinderId: c.id,
        scanId,
        station: `${STATION} ${1 + (i % 4)}号秤`,
        netWeightG: net,
        ratedFillG: model.ratedFillG,
        toleranceG: model.toleranceG,
        weightOk: judged.weightOk,
        leakFree,
        outcome: judged.outcome,
        labelNo:
          judged.outcome === 'pass' ? `HG${day.replaceAll('-', '')}${String(i).padStart(4, '0')}` : null,
        actorId: null,
        filledAt,
      });
      event(c, 'filled', filledAt, who, { netWeightG: net });
      event(c, 'checked', new Date(filledAt.getTime() + 5 * 60_000), who, {
        outcome: judged.outcome,
        weightOk: judged.weightOk,
        leakFree,
        deviationG: judged.deviationG,
      });
      last = { at: filledAt, net, outcome: judged.outcome };
      c.state = judged.outcome === 'pass' ? 'full' : 'held';
      const nextDay = addDays(day, 22 + Math.floor(rnd() * 30));
      if (judged.outcome === 'pass' && addDays(day, 1) < today) {
        const out = at(addDays(day, 1), 8);
        const who2 = courier();
        event(c, 'dispatched', out, who2);
        event(c, 'delivered', new Date(out.getTime() + 2 * 3_600_000), who2, {}, '淄川区用户');
        c.state = 'with_customer';
        // Taken back two days before its next fill, and only on a day already over: whatever the time of day the
        // demo starts, the cylinders due for tomorrow's fill wait at the station as returned (the filling line's
        // demo work), never filled or not depending on the hour.
        const returnDay = addDays(nextDay, -2);
        if (returnDay < today) {
          event(
            c,
            'returned',
            at(returnDay, 10),
            who2,
            { residueG: Math.floor(rnd() * model.ratedFillG * 0.04) },
            '松龄路供应站',
          );
          c.state = 'returned';
        }
      } else if (judged.outcome === 'hold') {
        break;
      }
      day = nextDay;
    }
    if (last) {
      c.lastFilledAt = last.at;
      c.lastNetWeightG = last.net;
    }
    if (scrapped) {
      c.scrappedOn = addDays(today, -(10 + (i % 90)));
      c.state = 'scrapped';
      event(
        c,
        'scrapped',
        at(c.scrappedOn, 11),
        '淄博示范气瓶检验站',
        { note: '定期检验不合格' },
        '淄博示范气瓶检验站',
      );
      if (i % 200 === 0) {
        c.disposedOn = addDays(c.scrappedOn, 5);
        c.state = 'disposed';
        event(
          c,
          'disposed',
          at(c.disposedOn, 14),
          '淄博示范气瓶检验站',
          { note: '压扁解体' },
          '淄博示范气瓶检验站',
        );
      }
    }
  }

  // Refusals at the filling line over the season: the rules' every reason, about one a day.
  const refused = rows.filter(
    (c) =>
      c.state === 'scrapped' || c.nextInspectionOn! < today || c.lastTreatedOn! < (c.lastInspectedOn ?? ''),
  );
  for (let d = 0; d < SEASON_DAYS; d += 1) {
    const when = at(addDays(today, -d), 9 + (d % 8));
    if (when > now) continue;
    const pick = d % 5;
    const c = refused[(d * 7) % refused.length]!;
    const reason =
      pick === 0
        ? 'unregistered'
        : c.state === 'scrapped'
          ? 'scrapped'
          : c.nextInspectionOn! < today
            ? 'inspection_overdue'
            : 'not_treated';
    scans.push({
      id: crypto.randomUUID(),
      enterpriseId,
      code: pick === 0 ? `QT${String(5_000_000 + d * 37)}` : c.code,
      cylinderId: pick === 0 ? null : c.id,
      station: `${STATION} ${1 + (d % 4)}号秤`,
      outcome: 'refused',
      reason,
      actorId: null,
      scannedAt: when,
    });
  }

  await chunked(rows, 800, (part) => tx.insert(cylinders).values(part));
  await chunked(events, 10_000, (part) =>
    tx.execute(sql`insert into cylinder_events (enterprise_id, cylinder_id, type, at, place, actor_name, details,
      created_at) ${fromJsonRows(EVENT_COLUMNS, part)}`),
  );
  await chunked(scans, 1_500, (part) => tx.insert(cylinderFillScans).values(part));
  await chunked(fills, 1_000, (part) => tx.insert(cylinderFills).values(part));
  return { cylinders: rows.length, fills: fills.length, refusals: scans.length - fills.length };
}
