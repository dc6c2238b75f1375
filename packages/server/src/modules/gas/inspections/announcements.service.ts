import {
  announcementText,
  appointmentText,
  assertAnnouncement,
  formatShanghai,
  toShanghaiDate,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { renderAnnouncementPdf } from './announcement-pdf.ts';
import { queueHouseholds } from '../../platform/notifications/notifications.repository.ts';
import * as repo from './announcements.repository.ts';
import * as visits from './visits.repository.ts';
import type { TAnnouncementInput } from './inspections.schemas.ts';

// G-5.11.2: the households of a route are told ahead of the day, the window and the inspector (name and badge from
// the staff registry), through the outbox; a household that asks for another time gets it agreed and confirmed.

export class AnnouncementService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async announce(actor: Actor, input: TAnnouncementInput) {
    const now = this.ctx.now();
    assertAnnouncement({ date: input.plannedOn, timeWindow: input.timeWindow }, toShanghaiDate(now));
    const company = await repo.issuer(this.db, actor.enterpriseId);
    const saved = await this.db.transaction(async (tx) => {
      const route = await repo.routeVisits(tx, {
        enterpriseId: actor.enterpriseId,
        community: input.community,
        building: input.building,
        day: input.plannedOn,
      });
      if (route.length === 0)
        throw appError('INSPECTION_NOTHING_TO_ANNOUNCE', {
          zh: '该楼栋在这一天所在的安检窗口内没有待检用户',
          en: 'No household of this building is due for inspection in a window holding that day',
        });
      const inspectorId = route.find((v) => v.inspector_id)?.inspector_id ?? actor.id;
      const card = await repo.inspectorCard(tx, inspectorId);
      if (!card)
        throw appError('INSPECTOR_BADGE_MISSING', {
          zh: '安检员在员工登记中没有在岗的工牌，无法告知用户来人身份（G-5.11.2）',
          en: 'The inspector has no active badge in the staff registry to tell households who comes (G-5.11.2)',
        });
      const text = announcementText({
        company: company.name,
        hotline: company.hotline,
        inspectorName: card.name,
        badgeNo: card.badgeNo,
        date: input.plannedOn,
        timeWindow: input.timeWindow,
      });
      const row = await repo.insertAnnouncement(tx, {
        enterpriseId: actor.enterpriseId,
        community: input.community,
        building: input.building,
        plannedOn: input.plannedOn,
        timeWindow: input.timeWindow,
        inspectorId,
        inspectorName: card.name,
        badgeNo: card.badgeNo,
        households: route.length,
        text,
        createdBy: actor.id,
        createdAt: now,
      });
      const visitIds = route.map((v) => v.id);
      await repo.markAnnounced(tx, visitIds, input.plannedOn);
      // G-5.11.2: each household of the route told, by SMS to the phone on file, otherwise a letter.
      const queued = await queueHouseholds(tx, {
        enterpriseId: actor.enterpriseId,
        households: { visitIds },
        channel: 'sms_or_letter',
        kind: 'inspection_announcement',
        subject: '入户安全检查告知',
        body: text.zh,
        bodyEn: text.en,
        refType: 'inspection_announcement',
        refId: row.id,
        dedupeKey: `inspection-announcement:${row.id}:`,
        at: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'inspection_announcement.create',
        entity: 'inspection_announcement',
        entityId: row.id,
        after: { ...input, households: route.length, queued },
      });
      return { row, queued };
    });
    return { ...toView(saved.row), queued: saved.queued };
  }

  async list(actor: Actor, q: { enterpriseId?: string | undefined }) {
    const rows = await repo.listAnnouncements(this.db, enterpriseScope(actor, q.enterpriseId));
    return { items: rows.map(toView) };
  }

  async get(actor: Actor, id: string) {
    const row = await repo.announcementById(this.db, id);
    if (!row || (actor.role !== 'regulator' && row.enterpriseId !== actor.enterpriseId))
      throw notFound('announcement');
    return row;
  }

  async noticePdf(actor: Actor, id: string) {
    const a = await this.get(actor, id);
    const company = await repo.issuer(this.db, a.enterpriseId);
    const body = await renderAnnouncementPdf({
      company: company.name,
      hotline: company.hotline,
      community: a.community,
      building: a.building,
      plannedOn: String(a.plannedOn).slice(0, 10),
      timeWindow: a.timeWindow,
      inspectorName: a.inspectorName,
      badgeNo: a.badgeNo,
      text: a.text.zh,
    });
    const day = String(a.plannedOn).slice(0, 10);
    return {
      fileName: `inspection-notice-${day}-${a.id.slice(0, 8)}.pdf`,
      zhName: `安检告知-${a.community}${a.building}-${day}.pdf`,
      body,
    };
  }

  /** G-5.11.2: a time the household asked for, kept on the visit and confirmed to it. */
  async agree(actor: Actor, visitId: string, agreedAt: string) {
    const now = this.ctx.now();
    const at = new Date(agreedAt);
    if (at.getTime() <= now.getTime())
      throw appError(
        'VALIDATION_FAILED',
        { zh: '约定时间须晚于现在', en: 'The agreed time must be in the future' },
        { field: 'agreedAt' },
      );
    const company = await repo.issuer(this.db, actor.enterpriseId);
    return this.db.transaction(async (tx) => {
      const visit = await visits.lockVisit(tx, visitId);
      if (!visit || visit.enterpriseId !== actor.enterpriseId) throw notFound('visit');
      if (visit.inspectedAt)
        throw appError('INSPECTION_ALREADY_DONE', {
          zh: '该户本次已安检',
          en: 'This visit is already inspected',
        });
      const card = await repo.inspectorCard(tx, visit.inspectorId ?? actor.id);
      await repo.setAgreed(tx, visitId, actor.enterpriseId, at);
      const text = appointmentText({
        company: company.name,
        hotline: company.hotline,
        inspectorName: card?.name ?? '',
        badgeNo: card?.badgeNo ?? '',
        at: formatShanghai(at),
      });
      // The agreed time confirmed to the one household (SMS, otherwise a letter), once per time agreed.
      await queueHouseholds(tx, {
        enterpriseId: actor.enterpriseId,
        households: { visitIds: [visitId] },
        channel: 'sms_or_letter',
        kind: 'inspection_appointment',
        subject: '安检时间确认',
        body: text.zh,
        bodyEn: text.en,
        refType: 'inspection_visit',
        refId: visitId,
        dedupeKey: `inspection-appointment:${visitId}:${at.toISOString()}`,
        perCustomer: false,
        at: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'inspection_visit.appointment',
        entity: 'inspection_visit',
        entityId: visitId,
        before: { agreedAt: visit.agreedAt?.toISOString() ?? null },
        after: { agreedAt: at.toISOString() },
      });
      return { id: visitId, agreedAt: at.toISOString() };
    });
  }
}

function toView(r: Awaited<ReturnType<typeof repo.listAnnouncements>>[number]) {
  return {
    id: r.id,
    community: r.community,
    building: r.building,
    plannedOn: String(r.plannedOn).slice(0, 10),
    timeWindow: r.timeWindow,
    inspectorName: r.inspectorName,
    badgeNo: r.badgeNo,
    households: r.households,
    text: r.text,
    createdAt: r.createdAt.toISOString(),
  };
}
