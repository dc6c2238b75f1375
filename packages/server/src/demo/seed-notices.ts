import { addDays, checkNotice, parseShanghaiDateTime, toShanghaiDate, type NoticeDraft } from '@ranre/domain';
import { and, eq, lt } from 'drizzle-orm';
import { appendAudit } from '../modules/platform/audit/audit.repository.ts';
import * as repo from '../modules/service/notices/notices.repository.ts';
import { queue } from '../modules/service/notices/notices.publish.ts';
import { contentOf } from '../modules/service/notices/notices.views.ts';
import type { Db } from '../db/client.ts';
import { notifications, serviceNotices } from '../db/schema.ts';

// Demo notices (H-6.1.4, H-6.2.6, H-6.4.5, G-6.2.12), relative to `now`: the heating company's filling and
// commissioning notices for this season, published well over 7 days ahead; an interruption over 24 h in progress with
// its households told; one that overran its restore time and was told again; one restored last week; and the gas
// company's planned outage. Every notice goes through the domain's checks at its publication time, as a real one would.

type Company = { id: string; name: string };
type Spec = { draft: NoticeDraft; publishedAt: Date; restoredAt?: Date; overrunAt?: Date };

const HOUR = 3_600_000;

function drafts(communities: string[], gasCommunities: string[], now: Date) {
  const today = toShanghaiDate(now);
  const day = (offset: number, hm: string) => parseShanghaiDateTime(`${addDays(today, offset)} ${hm}`);
  const base = {
    title: '',
    cause: '',
    repairSection: '',
    safetyAdvice: '',
    durationReason: '',
    expectedRestoreAt: null,
  };
  const heat = { ...base, sector: 'heating' as const, managerName: '郑浩然', managerPhone: '0533-3186201' };
  const [a = '', b = a, c = b, d = c] = communities;
  const heating: Spec[] = [
    {
      draft: {
        ...heat,
        kind: 'filling',
        title: '2026—2027采暖季供热管网注水',
        communities: [a, b, c, d],
        startsAt: day(-25, '08:00'),
      },
      publishedAt: day(-37, '09:30'),
    },
    {
      draft: {
        ...heat,
        kind: 'commissioning',
        title: '2026—2027采暖季充水调试',
        communities: [a, b, c, d],
        startsAt: day(-18, '08:00'),
      },
      publishedAt: day(-30, '10:00'),
    },
    {
      draft: {
        ...heat,
        kind: 'unplanned_interruption',
        title: `${a}换热站循环泵故障停热`,
        cause: '换热站循环泵电机烧毁',
        communities: [a],
        repairSection: `${a}换热站`,
        startsAt: day(-9, '05:40'),
        expectedRestoreAt: day(-8, '12:00'),
      },
      publishedAt: day(-9, '06:30'),
      restoredAt: day(-8, '10:20'),
    },
    {
      draft: {
        ...heat,
        kind: 'unplanned_interruption',
        title: '共青团路DN500主管网爆管抢修',
        cause: '一级管网DN500供水管爆管',
        communities: [b, c],
        repairSection: '共青团路（华光路至柳泉路段）',
        startsAt: new Date(now.getTime() - 50 * HOUR),
        expectedRestoreAt: new Date(now.getTime() - 2 * HOUR),
      },
      publishedAt: new Date(now.getTime() - 49 * HOUR),
      overrunAt: new Date(now.getTime() - 2 * HOUR + 60_000),
    },
    {
      draft: {
        ...heat,
        kind: 'unplanned_interruption',
        title: `${d}支线阀门井漏水抢修`,
        cause: '支线阀门井内阀门法兰漏水',
        communities: [d],
        repairSection: `${d}北门支线阀门井`,
        startsAt: new Date(now.getTime() - 5 * HOUR),
        expectedRestoreAt: new Date(now.getTime() + 30 * HOUR),
      },
      publishedAt: new Date(now.getTime() - 4 * HOUR),
    },
  ];
  const gas: Spec[] = [
    {
      draft: {
        ...base,
        sector: 'gas',
        kind: 'planned_interruption',
        title: '中压管线碰口施工计划停气',
        cause: '中压燃气管线改线碰口施工',
        communities: gasCommunities.slice(0, 2),
        managerName: '李国栋',
        managerPhone: '0533-2861001',
        safetyAdvice: '停气期间请关闭灶前阀；恢复供气后先开窗通风，再点火',
        startsAt: day(4, '09:00'),
        expectedRestoreAt: day(4, '17:00'),
      },
      publishedAt: new Date(now.getTime() - 20 * HOUR),
    },
  ];
  return { heating, gas };
}

async function publish(tx: Db, company: Company, s: Spec, now: Date): Promise<number> {
  const check = checkNotice(s.draft, s.publishedAt);
  const d = s.draft;
  const notice = await repo.insertNotice(tx, {
    enterpriseId: company.id,
    noticeNo: await repo.nextNoticeNo(tx, company.id, toShanghaiDate(s.publishedAt)),
    sector: d.sector,
    kind: d.kind,
    clause: check.clause,
    title: d.title,
    cause: d.cause,
    communities: d.communities,
    repairSection: d.repairSection,
    managerName: d.managerName,
    managerPhone: d.managerPhone,
    safetyAdvice: d.safetyAdvice,
    durationReason: d.durationReason,
    startsAt: d.startsAt,
    expectedRestoreAt: d.expectedRestoreAt,
    actualRestoreAt: s.restoredAt ?? null,
    status: s.restoredAt ? 'restored' : 'published',
    overrunNotifiedAt: s.overrunAt ?? null,
    publishedAt: s.publishedAt,
    createdAt: s.publishedAt,
    updatedAt: s.restoredAt ?? s.overrunAt ?? s.publishedAt,
  });
  let recipients = await queue(
    tx,
    notice.id,
    company.id,
    company.name,
    d,
    check.clause,
    'initial',
    1,
    s.publishedAt,
  );
  await repo.insertRevision(tx, {
    noticeId: notice.id,
    enterpriseId: company.id,
    revision: 1,
    content: contentOf(d),
    recipients,
    publishedAt: s.publishedAt,
  });
  if (s.overrunAt)
    recipients += await queue(
      tx,
      notice.id,
      company.id,
      company.name,
      d,
      check.clause,
      'overrun',
      1,
      s.overrunAt,
    );
  // messages queued over an hour ago have gone out (the sender job delivers the rest)
  await tx
    .update(notifications)
    .set({ status: 'sent', attempts: 1, sentAt: new Date(s.publishedAt.getTime() + 2 * 60_000) })
    .where(
      and(
        eq(notifications.refType, repo.REF_TYPE),
        eq(notifications.refId, notice.id),
        lt(notifications.createdAt, new Date(now.getTime() - HOUR)),
      ),
    );
  await appendAudit(tx, {
    actor: null,
    enterpriseId: company.id,
    action: 'notice.publish',
    entity: 'service_notice',
    entityId: notice.id,
    after: { noticeNo: notice.noticeNo, kind: d.kind, clause: check.clause, recipients, demo: true },
  });
  return recipients;
}

/** Seeds the demo notices; returns how many notices and household messages. */
export async function seedNotices(
  tx: Db,
  companies: { heat: Company; gas: Company },
  now: Date,
): Promise<{ notices: number; messages: number }> {
  const top = async (id: string) =>
    (await repo.listCommunities(tx, id))
      .sort((x, y) => y.households - x.households)
      .slice(0, 4)
      .map((c) => c.community);
  const { heating, gas } = drafts(await top(companies.heat.id), await top(companies.gas.id), now);
  let messages = 0;
  for (const s of heating) messages += await publish(tx, companies.heat, s, now);
  for (const s of gas) messages += await publish(tx, companies.gas, s, now);
  const notices = await tx.$count(serviceNotices);
  return { notices, messages };
}
