import { addDays, toShanghaiDate, yearOf } from '@ranre/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  communityMaintenanceCommitments,
  heatingCheckFindings,
  heatingFacilityChecks,
  heatingMaintenancePlans,
  users,
} from '../db/schema.ts';

// Issue 20 demo, heating operations, for every demo heating company, relative to `now`: last week's patrol of a
// substation with one finding cleared and one still open (H-6.3.1); this year's maintenance plan in the non-heating
// season, reported to the authority (H-6.3.2); a newly connected community whose developer filed its maintenance
// commitment, and an older one whose property company inherited the duty (H-6.1.7).

export async function seedHeatingOperations(tx: Db, enterpriseIds: string[], now: Date) {
  const today = toShanghaiDate(now);
  const year = yearOf(today);
  for (const enterpriseId of enterpriseIds) {
    const [admin] = await tx
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(eq(users.enterpriseId, enterpriseId));
    const by = admin?.id ?? enterpriseId;
    const [check] = await tx
      .insert(heatingFacilityChecks)
      .values({
        enterpriseId,
        kind: 'patrol',
        facility: '华光路换热站及一次网检查井',
        checkedOn: addDays(today, -7),
        checkedBy: admin?.name ?? '巡检员',
        note: '例行巡检',
        createdBy: by,
        createdAt: now,
      })
      .returning({ id: heatingFacilityChecks.id });
    await tx.insert(heatingCheckFindings).values([
      {
        checkId: check!.id,
        enterpriseId,
        text: '2号检查井阀门法兰渗水',
        severity: 'major',
        dueOn: addDays(today, -5),
        closedOn: addDays(today, -6),
        closure: '更换法兰垫片，复查无渗漏',
        closedBy: by,
        closedAt: now,
      },
      {
        checkId: check!.id,
        enterpriseId,
        text: '换热站排水泵控制箱指示灯损坏',
        severity: 'minor',
        dueOn: addDays(today, 7),
      },
    ]);
    await tx.insert(heatingMaintenancePlans).values({
      enterpriseId,
      year,
      startsOn: `${year}-04-01`,
      endsOn: `${year}-10-31`,
      items: [
        { facility: '华光路换热站', work: '板式换热器拆洗、循环泵检修' },
        { facility: '一次网 DN300 干线', work: '阀门更换、保温修复' },
      ],
      reportedTo: '淄博市住房和城乡建设局',
      reportedAt: now,
      createdBy: by,
      createdAt: now,
    });
    await tx.insert(communityMaintenanceCommitments).values([
      {
        enterpriseId,
        community: '齐盛湖畔新苑',
        connectedOn: addDays(today, -60),
        party: 'developer',
        partyName: '淄博齐盛置业有限公司',
        partyPhone: '0533-2875000',
        endsOn: addDays(today, 670),
        terms: '入网验收合格后两年内，小区及楼内公共供热设施由建设单位负责维修保养，故障 2 小时内到场。',
        createdBy: by,
        createdAt: now,
      },
      {
        enterpriseId,
        community: '柳泉花园',
        connectedOn: addDays(today, -800),
        party: 'property_company',
        partyName: '淄博柳泉物业服务有限公司',
        partyPhone: '0533-2876000',
        endsOn: null,
        terms: '建设单位未办理维保承诺备案，小区供热设施维保由配套物业公司继承。',
        createdBy: by,
        createdAt: now,
      },
    ]);
  }
}
