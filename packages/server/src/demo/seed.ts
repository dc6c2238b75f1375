import {
  ENTERPRISE_KIND_SECTOR,
  addDays,
  toShanghaiDate,
  withCreditCodeCheckChar,
  type ServiceEnterpriseKind,
} from '@ranre/domain';
import { eq, sql } from 'drizzle-orm';
import { seedCustomers } from './seed-customers.ts';
import { seedOrders } from './seed-orders.ts';
import { seedMetering } from './seed-metering.ts';
import { seedBilling } from './seed-billing.ts';
import { seedNotices } from './seed-notices.ts';
import { seedQuality } from './seed-quality.ts';
import { seedHeating } from './seed-heating.ts';
import { seedPayments } from './seed-payments.ts';
import { seedInspections } from './seed-inspections.ts';
import { seedNetworkChecks } from './seed-network-checks.ts';
import { seedPatrols } from './seed-patrols.ts';
import { seedCalls } from './seed-calls.ts';
import { seedAppliances } from './seed-appliances.ts';
import { seedEmergency } from './seed-emergency.ts';
import { seedHeatingOperations } from './seed-heating-ops.ts';
import { seedCylinders } from './seed-cylinders.ts';
import { seedVehicleGas } from './seed-vehicle-gas.ts';
import { seedDeliveries } from './seed-deliveries.ts';
import { seedOutages } from './seed-outages.ts';
import { seedEvaluation } from './seed-evaluation.ts';
import { hashPassword } from '../modules/platform/auth/passwords.ts';
import { appendAudit } from '../modules/platform/audit/audit.repository.ts';
import type { Database, Db } from '../db/client.ts';
import { certificates, enterprises, staff, users } from '../db/schema.ts';
import {
  certificatesFor,
  DEMO_ENTERPRISES,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  demoPerson,
  expiryOffset,
  SUPERVISION_PHONE,
} from './seed-data.ts';

export type DemoLogin = { username: string; password: string; role: string; enterprise: string };

/** Any number, as long as every process seeding the same database uses the same one. */
const SEED_LOCK = 370300_0533;

const regulatorExists = async (db: Db) =>
  (
    await db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.kind, 'regulator'))
      .limit(1)
  ).length > 0;

/**
 * Demo data for Zibo, labelled demo (fictional 示范 companies): the regulator, gas, LPG, vehicle-gas, appliance,
 * heating and reseller companies with service points, staff with certificates (some expiring within 30 days of `now`,
 * some expired) and demo logins. Does nothing when a regulator already exists; all in one transaction.
 */
export async function seedDemo(
  database: Database,
  now: Date,
  log: (m: string) => void = () => {},
): Promise<{ created: boolean; logins: DemoLogin[] }> {
  const { db } = database;
  if (await regulatorExists(db)) return { created: false, logins: [] };
  const passwordHash = await hashPassword(DEMO_PASSWORD); // once: argon2 is slow on purpose
  const today = toShanghaiDate(now);

  const counts = await db.transaction(async (tx) => {
    // Two processes starting at once: the second waits here, then finds the regulator and leaves.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await regulatorExists(tx)) return null;

    const created = await tx
      .insert(enterprises)
      .values(
        DEMO_ENTERPRISES.map((e) => ({
          name: e.name,
          kind: e.kind,
          creditCode: withCreditCodeCheckChar(e.creditBody),
          hotline: e.hotline,
          supervisionPhone: SUPERVISION_PHONE,
          address: e.address,
          // The cockpit filters by district: the one the enterprise's address names (淄博市张店区…).
          district: /^淄博市(.+?[区县])/.exec(e.address)?.[1] ?? '',
          servicePoints: e.servicePoints,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: enterprises.id, name: enterprises.name });
    const byName = new Map(created.map((c) => [c.name, c]));
    const idOf = new Map(DEMO_ENTERPRISES.map((e) => [e.key, byName.get(e.name)!]));

    let n = 0;
    const staffValues: (typeof staff.$inferInsert)[] = [];
    for (const e of DEMO_ENTERPRISES) {
      for (let i = 0; i < e.staffCount; i++) {
        const generated = demoPerson(n++);
        const named = e.people[i];
        staffValues.push({
          enterpriseId: idOf.get(e.key)!.id,
          name: named?.name ?? generated.name,
          badgeNo: `${e.badge}${String(i + 1).padStart(3, '0')}`,
          employeeNo: `${e.badge}${2012 + ((i * 3) % 13)}${String(i + 1).padStart(3, '0')}`,
          post: named?.post ?? e.posts[(i - e.people.length) % e.posts.length]!,
          phone: generated.phone,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    const people = await tx
      .insert(staff)
      .values(staffValues)
      .returning({ id: staff.id, enterpriseId: staff.enterpriseId, post: staff.post, name: staff.name });

    const certValues: (typeof certificates.$inferInsert)[] = [];
    for (const e of DEMO_ENTERPRISES) {
      const enterpriseId = idOf.get(e.key)!.id;
      let i = 0;
      // The demo logins' own records (the named people) take the far expiry dates: the expired and soon-expiring
      // certificates fall on generated staff, so a demo technician can be dispatched (G-5.6.1).
      const own = people.filter((s) => s.enterpriseId === enterpriseId);
      const named = (s: { name: string }) => e.people.some((n) => n.name === s.name);
      for (const p of [...own.filter((s) => !named(s)), ...own.filter(named)]) {
        for (const c of certificatesFor(e.kind, p.post)) {
          const expiresOn = addDays(today, expiryOffset(i));
          certValues.push({
            staffId: p.id,
            enterpriseId,
            name: c.name,
            number: `${c.tag}${e.creditBody.slice(2, 8)}${expiresOn.slice(0, 4)}${String(1000 + certValues.length * 7).slice(-4)}`,
            issuer: c.issuer,
            issuedOn: addDays(expiresOn, -365 * c.years),
            expiresOn,
            createdAt: now,
          });
          i++;
        }
      }
    }
    if (certValues.length > 0) await tx.insert(certificates).values(certValues);

    // Each demo login belongs to the staff record of its name in its enterprise (users.staff_id), once.
    const linked = new Set<string>();
    const recordOf = (enterpriseId: string, name: string) => {
      const record = people.find(
        (p) => p.enterpriseId === enterpriseId && p.name === name && !linked.has(p.id),
      );
      if (record) linked.add(record.id);
      return record?.id ?? null;
    };
    await tx.insert(users).values(
      DEMO_LOGINS.map((l) => ({
        enterpriseId: idOf.get(l.enterprise)!.id,
        username: l.username,
        displayName: l.displayName,
        role: l.role,
        staffId: l.role === 'resident' ? null : recordOf(idOf.get(l.enterprise)!.id, l.displayName),
        passwordHash,
        createdAt: now,
        updatedAt: now,
      })),
    );

    // Customers, then a month of work orders replayed through the domain's own rules (issue 3).
    const seeded = DEMO_ENTERPRISES.map((e) => ({
      id: idOf.get(e.key)!.id,
      kind: e.kind,
      name: e.name,
      hotline: e.hotline,
    }));
    const customerCounts = await seedCustomers(tx, seeded, now);
    const orderCounts = await seedOrders(tx, { enterprises: seeded }, now);
    // Issue 4: meters, a year of readings and demo price schedules; the billing seed bills that year.
    const metering = await seedMetering(tx, now);
    await seedBilling(tx, metering, now);
    // Filling, commissioning and interruption notices with their households' messages (H-6.1.4, H-6.4.5, G-6.2.12).
    await seedNotices(tx, { heat: idOf.get('heat')!, gas: idOf.get('gas')! }, now);
    // Heating seasons, prices, season bills, reminders, a meter dispute and refunds (issue 5); the quality seed
    // below attaches its plan to the current season made here.
    await seedHeating(tx, idOf.get('heat')!.id, now);
    // Room-temperature quality: plan, measurements, sensors, low-temperature cases (H-5.4, H-7.2.3).
    await seedQuality(tx, idOf.get('heat')!.id, now);
    // Issue 4: payments with receipts, arrears and reminders, a prepaid alarm, meter disputes — after the billing seed.
    await seedPayments(tx, now);
    // Issue 15: this year's safety-inspection plans, visits, refusals, nobody-home follow-ups and hazards (G-5.11).
    await seedInspections(tx, now);
    // G-6.2.15, G-6.2.16: regulating stations, drawn households' inlet pressure and monthly odorant checks.
    await seedNetworkChecks(tx, idOf.get('gas')!.id, now);
    // G-5.11.10, G-5.11.7, G-6.1.1: patrols with findings, a hazard repaired on a signed quote, network coverage.
    await seedPatrols(tx, now);
    // Issue 14: four months of hotline calls and sampled window waits for the cockpit (G-12.4.1.1, G-12.4.1.2).
    await seedCalls(tx, now);
    // Issue 19: the appliance company's installations and repairs with consents, a certificate and warranties.
    await seedAppliances(tx, now);
    // Issue 20: duty rosters with a gap tomorrow night, plans, drills, incidents and the readiness alerts.
    await seedEmergency(
      tx,
      DEMO_ENTERPRISES.filter((e) => e.kind !== 'regulator').map((e) => {
        const sector = ENTERPRISE_KIND_SECTOR[e.kind as ServiceEnterpriseKind];
        return {
          id: idOf.get(e.key)!.id,
          sector,
          phone: e.hotline,
          authority: sector === 'gas' ? '淄博市城市管理局' : '淄博市住房和城乡建设局',
        };
      }),
      now,
    );
    // Issue 20: heating patrols, the maintenance plan and communities' maintenance commitments (H-6.3, H-6.1.7).
    await seedHeatingOperations(
      tx,
      DEMO_ENTERPRISES.filter((e) => e.kind === 'heating' || e.kind === 'heating_reseller').map(
        (e) => idOf.get(e.key)!.id,
      ),
      now,
    );
    // Issue 18: the LPG company's cylinders, a season of fills, refusals and scrapped codes (G-7.1).
    await seedCylinders(tx, idOf.get('lpg')!.id, now);
    // Issue 18: the vehicle-gas station's dispensers, vehicles, a season of checks and fills, refusals, a leak (G-8.1).
    await seedVehicleGas(tx, idOf.get('cng')!.id, now);
    // Issue 18: bottled-gas customers, a season of delivery orders with their cylinders and residue credits (G-7.2).
    await seedDeliveries(tx, idOf.get('lpg')!.id, now);
    // Issue 14: heating interruptions for every heating company's accident rate (H-10.5.1), after the seasons.
    await seedOutages(tx, now);
    // Issue 14: every indicator a value for every company over three months, some met and some missed.
    await seedEvaluation(tx, now);

    const summary = {
      label: '演示数据 / demo data',
      customers: customerCounts.customers,
      workOrders: orderCounts.orders,
      meterReadings: metering.enterprises.reduce((n, e) => n + e.readings, 0),
      enterprises: created.length,
      staff: people.length,
      certificates: certValues.length,
      users: DEMO_LOGINS.length,
    };
    await appendAudit(tx, {
      actor: null,
      enterpriseId: null,
      action: 'seed.demo',
      entity: 'seed',
      entityId: 'demo',
      after: summary,
    });
    return summary;
  });
  if (!counts) return { created: false, logins: [] };

  log(
    `演示数据已创建 / demo data created: ${counts.enterprises} enterprises, ${counts.staff} staff, ` +
      `${counts.certificates} certificates, ${counts.users} logins (password ${DEMO_PASSWORD})`,
  );
  const nameOf = new Map(DEMO_ENTERPRISES.map((e) => [e.key, e.name]));
  return {
    created: true,
    logins: DEMO_LOGINS.map((l) => ({
      username: l.username,
      password: DEMO_PASSWORD,
      role: l.role,
      enterprise: nameOf.get(l.enterprise)!,
    })),
  };
}
