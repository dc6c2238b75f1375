import {
  COMPENSATION_PAYMENT_LIMIT,
  DAY_MS,
  HOUR_MS,
  addDays,
  computeDeadline,
  shanghaiMidnightUtc,
  toShanghaiDate,
  yearOf,
} from '@ranre/domain';
import { and, eq, isNotNull } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';
import {
  dutyShifts,
  emergencyExercises,
  emergencyPlans,
  incidentEvents,
  incidents,
  insuranceClaimEvents,
  insuranceClaimMedia,
  insuranceClaims,
  insurancePolicies,
  staff,
  users,
} from '../db/schema.ts';
import { packagedCalendar } from '../modules/platform/calendar/base-data.ts';
import { raiseReadinessAlerts } from '../modules/emergency/readiness/watcher.job.ts';
import { SIGNATURE } from './seed-quality.ts';

// Issue 20 demo, for every demo gas and heating company, relative to `now`: two weeks of duty shifts from yesterday
// with one gap tomorrow night (a rush-repair shift naming nobody), plans for the five kinds of event (one due for
// review, one overdue), this year's drills and publicity (the gas company one rural session short), a closed incident
// with its whole aftermath and an open one; then the readiness watcher's alerts as they would be raised now.

type Company = { id: string; sector: 'gas' | 'heating'; phone: string; authority: string };

export async function seedEmergency(tx: Db, companies: Company[], now: Date) {
  const today = toShanghaiDate(now);
  const midnight = shanghaiMidnightUtc(today).getTime();
  const calendar = packagedCalendar();
  const at = (day: number, hour: number) => new Date(midnight + day * DAY_MS + hour * HOUR_MS);
  for (const c of companies) {
    const people = await tx.select({ id: staff.id }).from(staff).where(eq(staff.enterpriseId, c.id));
    const [admin] = await tx
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(eq(users.enterpriseId, c.id));
    const by = admin?.id ?? people[0]!.id;
    // The demo technicians' staff records are on every crew shift, so an urgent order can be sent to them
    // (G-5.12.3: only people on duty), except in the one gap left on purpose.
    const techs = (
      await tx
        .select({ staffId: users.staffId })
        .from(users)
        .where(and(eq(users.enterpriseId, c.id), eq(users.role, 'technician'), isNotNull(users.staffId)))
    ).map((u) => u.staffId!);
    const pick = (i: number, n: number) =>
      Array.from(
        { length: n },
        (_, k) => people[(((i + k) % people.length) + people.length) % people.length]!.id,
      );
    const shifts: (typeof dutyShifts.$inferInsert)[] = [];
    for (let d = -1; d < 13; d++) {
      for (const h of [0, 8, 16]) {
        shifts.push({
          enterpriseId: c.id,
          kind: 'hotline',
          startsAt: at(d, h),
          endsAt: at(d, h + 8),
          staffIds: pick(d * 3 + h, 2),
          vehicles: [],
          equipment: [],
          phone: c.phone,
          createdBy: by,
          createdAt: now,
        });
      }
      for (const h of [8, 20]) {
        // Tomorrow night's crew is not yet named: the gap the watcher alerts (G-5.12.3, H-6.4.3).
        const nobody = d === 1 && h === 20;
        shifts.push({
          enterpriseId: c.id,
          kind: 'rush_repair',
          startsAt: at(d, h),
          endsAt: at(d, h + 12),
          staffIds: nobody ? [] : [...new Set([...techs, ...pick(d * 5 + h + 7, 3)])],
          vehicles: [c.sector === 'gas' ? '鲁C·Q0119 燃气抢修车' : '鲁C·R0120 热力抢修车'],
          equipment:
            c.sector === 'gas'
              ? ['可燃气体检测仪', '防爆工具', '正压式空气呼吸器']
              : ['电焊机', '排水泵', '测温枪'],
          phone: c.phone,
          note: nobody ? '待定' : '',
          createdBy: by,
          createdAt: now,
        });
      }
    }
    await tx.insert(dutyShifts).values(shifts);

    const kinds = [
      ['natural_disaster', '自然灾害应急预案', 200],
      ['extreme_weather', '极端天气（寒潮、暴雪）应急预案', 20],
      ['public_order', '社会安全事件应急预案', 300],
      ['accident', c.sector === 'gas' ? '燃气泄漏及爆炸事故应急预案' : '供热管网爆管事故应急预案', -10],
      ['supply_shortage', c.sector === 'gas' ? '供气短缺应急预案' : '热源不足应急预案', 250],
    ] as const;
    await tx.insert(emergencyPlans).values(
      kinds.map(([eventKind, title, reviewIn]) => ({
        enterpriseId: c.id,
        eventKind,
        title,
        contents:
          '组织机构与职责；预警与信息报告；应急响应分级与处置；善后处置；应急保障（人员、物资、车辆）；与淄博市相关专项应急预案衔接。',
        filedWith: c.authority,
        filedOn: addDays(today, -400),
        reviewDueOn: addDays(today, reviewIn),
        createdBy: by,
        createdAt: now,
      })),
    );

    const year = yearOf(today);
    const early = (n: number) => (addDays(`${year}-01-01`, n) < today ? addDays(`${year}-01-01`, n) : today);
    await tx.insert(emergencyExercises).values([
      {
        enterpriseId: c.id,
        kind: 'drill',
        heldOn: early(140),
        place: c.sector === 'gas' ? '张店区杏园小区' : '张店区华润热电换热站',
        audience: 'customers',
        participants: 48,
        summary: '模拟泄漏/爆管：报警、关阀、疏散、抢修',
        photos: [SIGNATURE],
        createdBy: by,
        createdAt: now,
      },
      ...(c.sector === 'gas'
        ? [
            {
              enterpriseId: c.id,
              kind: 'leak_publicity',
              heldOn: early(100),
              place: '淄川区罗村镇',
              audience: 'rural_residents',
              participants: 120,
              summary: '燃气泄漏识别与应急处置宣传',
              photos: [SIGNATURE],
              createdBy: by,
              createdAt: now,
            },
          ]
        : []),
    ]);

    const actorName = admin?.name ?? '管理员';
    const closed = at(-40, 9);
    const [done] = await tx
      .insert(incidents)
      .values({
        enterpriseId: c.id,
        title: c.sector === 'gas' ? '施工挖断中压管线' : '一次网DN300爆管',
        area: '张店区华光路',
        occurredAt: closed,
        baseLevel: 3,
        level: 3,
        raiseReasons: [],
        customersAffected: 860,
        customersTold: 860,
        heatedAreaM2: c.sector === 'heating' ? 52_000 : null,
        companyCaused: c.sector === 'heating' ? false : null,
        restoredAt: at(-40, 15),
        closedAt: at(-30, 10),
        version: 9,
        createdBy: by,
        createdAt: closed,
      })
      .returning({ id: incidents.id });
    const ev = (type: string, when: Date, data: Record<string, unknown>) => ({
      incidentId: done!.id,
      type,
      data,
      at: when,
      actorId: by,
      actorName,
    });
    await tx.insert(incidentEvents).values([
      ev('opened', closed, { title: '抢修' }),
      ev('customers_told', at(-40, 10), { count: 860, channel: 'sms' }),
      ev('note', at(-40, 11), { text: '关闭上下游阀门，抢修队到场' }),
      ev('restored', at(-40, 15), { at: at(-40, 15).toISOString() }),
      ev('investigation', at(-35, 10), { on: addDays(today, -35), text: '会同主管部门现场调查' }),
      ev('cause', at(-34, 10), {
        on: addDays(today, -34),
        text: c.sector === 'gas' ? '第三方施工未办理管线保护手续' : '管道腐蚀减薄',
      }),
      ev('measures', at(-33, 10), { on: addDays(today, -33), text: '加强巡线，施工现场设置警示桩' }),
      ev('plan_revision', at(-31, 10), { on: addDays(today, -31), text: '修订事故应急预案第五章' }),
      ev('closed', at(-30, 10), {}),
    ]);
    // A claim from that incident, from the insurer's call to payment within H-9.5's 30 working days.
    const [policy] = await tx
      .insert(insurancePolicies)
      .values({
        enterpriseId: c.id,
        insurer: '中国人民财产保险股份有限公司淄博市分公司',
        policyNo: `PICC-${year}-${c.sector === 'gas' ? 'RQ' : 'RL'}0001`,
        cover: c.sector === 'gas' ? '燃气经营者公众责任险' : '供热公众责任险',
        limitFen: 1_000_000_000,
        startsOn: `${year - 1}-07-01`,
        endsOn: `${year}-12-31`,
        createdBy: by,
        createdAt: now,
      })
      .returning({ id: insurancePolicies.id });
    const agreedAt = at(-25, 10);
    const payDueAt = computeDeadline(agreedAt, COMPENSATION_PAYMENT_LIMIT, calendar).due;
    const [claim] = await tx
      .insert(insuranceClaims)
      .values({
        enterpriseId: c.id,
        policyId: policy!.id,
        incidentId: done!.id,
        claimant: '华光路沿街商户',
        description: '停气（停热）期间店内设施受损',
        exclusions: [],
        agreedFen: 860_000,
        payDueAt,
        paidAt: at(-12, 15),
        version: 8,
        createdBy: by,
        createdAt: at(-39, 9),
      })
      .returning({ id: insuranceClaims.id });
    const step = (type: string, when: Date, data: Record<string, unknown>) => ({
      claimId: claim!.id,
      type,
      data,
      at: when,
      actorName,
    });
    // G-11.2, H-9.3: two photos of the loss kept with the claim before it was counted (stand-in images).
    const photo = SIGNATURE.replace(/^data:image\/png;base64,/, '');
    const bytes = Buffer.from(photo, 'base64');
    const files = await tx
      .insert(insuranceClaimMedia)
      .values(
        [at(-38, 9.5), at(-38, 9.6)].map((when) => ({
          enterpriseId: c.id,
          claimId: claim!.id,
          kind: 'photo',
          mime: 'image/png',
          bytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          dataBase64: photo,
          createdBy: by,
          createdAt: when,
        })),
      )
      .returning({ id: insuranceClaimMedia.id, sha256: insuranceClaimMedia.sha256 });
    await tx.insert(insuranceClaimEvents).values([
      step('opened', at(-39, 9), { exclusions: [] }),
      step('insurer_called', at(-39, 9.5), { insurer: '中国人民财产保险股份有限公司淄博市分公司' }),
      step('loss_counted', at(-38, 10), {
        withCustomer: true,
        photos: files.length,
        video: false,
        files: files.map((f) => ({ id: f.id, kind: 'photo', sha256: f.sha256 })),
      }),
      step('parts_kept', at(-38, 11), { where: '公司物资库' }),
      step('assessed_told', at(-28, 10), { amountFen: 900_000 }),
      step('agreed', agreedAt, { amountFen: 860_000 }),
      step('paid', at(-12, 15), { amountFen: 860_000 }),
    ]);
    const [open] = await tx
      .insert(incidents)
      .values({
        enterpriseId: c.id,
        title: c.sector === 'gas' ? '调压箱故障' : '换热站循环泵故障',
        area: '周村区',
        occurredAt: at(0, -3),
        baseLevel: 4,
        level: 4,
        raiseReasons: [],
        customersAffected: 120,
        customersTold: 0,
        version: 2,
        createdBy: by,
        createdAt: at(0, -3),
      })
      .returning({ id: incidents.id });
    await tx.insert(incidentEvents).values([
      { incidentId: open!.id, type: 'opened', data: {}, at: at(0, -3), actorId: by, actorName },
      {
        incidentId: open!.id,
        type: 'note',
        data: { text: '抢修队已出发' },
        at: at(0, -2.5),
        actorId: by,
        actorName,
      },
    ]);
  }
  return raiseReadinessAlerts(tx, calendar, now);
}
