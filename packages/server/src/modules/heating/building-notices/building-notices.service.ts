import { randomUUID } from 'node:crypto';
import {
  BUILDING_NOTICE_REASON_TEXT,
  buildingNoticeProblem,
  toShanghaiDate,
  type BuildingNoticeReason,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { notifications } from '../../../db/schema.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { queueHouseholds } from '../../platform/notifications/notifications.repository.ts';
import { renderBuildingNoticePdf } from './building-notices.pdf.ts';
import * as repo from './building-notices.repository.ts';
import type { TBuildingNoticeInput } from './building-notices.schemas.ts';

// H-6.3.4: when a building's shared heating system cannot be filled or run, the owner of that system (产权单位) is
// told ahead — an SMS through the outbox, as are the building's households — and a notice with the cause and the
// advice is put up at the building (the PDF). The notice is kept as issued (append-only).

export class BuildingNoticeService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async list(actor: Actor, q: { enterpriseId?: string | undefined }) {
    return { items: (await repo.list(this.db, enterpriseScope(actor, q.enterpriseId))).map(view) };
  }

  async issue(actor: Actor, input: TBuildingNoticeInput) {
    const role = actor.role === 'enterprise_admin' || actor.role === 'dispatcher';
    if (!role || !['heating', 'heating_reseller'].includes(actor.enterpriseKind)) throw forbidden();
    const now = this.ctx.now();
    const problem = buildingNoticeProblem(input.effectiveOn, toShanghaiDate(now));
    if (problem) throw appError('BUILDING_NOTICE_NOT_AHEAD', problem, { field: 'effectiveOn' });
    const id = randomUUID();
    const reason = BUILDING_NOTICE_REASON_TEXT[input.reason as BuildingNoticeReason];
    const where = `${input.community}${input.building}`;
    const subject = `${where}供热情况通知`;
    const body = `【供热通知】${where}：${reason.zh}，自${input.effectiveOn}起。原因：${input.cause}。建议：${input.advice}`;
    const bodyEn = `[Heating] ${input.community} ${input.building}: ${reason.en}, from ${input.effectiveOn}. Cause: ${input.cause}. Advice: ${input.advice}`;
    return this.db.transaction(async (tx) => {
      // The owner first: told ahead by SMS (H-6.3.4), whether or not it is a customer of ours.
      await tx.insert(notifications).values({
        enterpriseId: actor.enterpriseId,
        customerId: null,
        channel: 'sms',
        kind: 'building_heating_notice',
        recipient: input.ownerPhone,
        subject,
        body: `${input.ownerName}：${body}`,
        bodyEn,
        refType: 'building_heating_notice',
        refId: id,
        dedupeKey: `building-notice:${id}:owner`,
        createdAt: now,
      });
      // H-6.3.4: every household of the building with a phone, one SMS each.
      const households = await queueHouseholds(tx, {
        enterpriseId: actor.enterpriseId,
        households: { community: input.community, building: input.building },
        channel: 'sms',
        kind: 'building_heating_notice',
        subject,
        body,
        bodyEn,
        refType: 'building_heating_notice',
        refId: id,
        dedupeKey: `building-notice:${id}:`,
        at: now,
      });
      const row = await repo.insert(tx, {
        id,
        ...input,
        enterpriseId: actor.enterpriseId,
        households,
        createdBy: actor.id,
        createdAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'building_notice.issue',
        entity: 'building_heating_notice',
        entityId: id,
        after: { community: input.community, building: input.building, reason: input.reason, households },
      });
      return view(row);
    });
  }

  async pdf(actor: Actor, id: string) {
    const row = await repo.find(this.db, id);
    const scope = enterpriseScope(actor);
    if (!row || (scope && row.enterpriseId !== scope)) throw notFound('notice');
    const body = await renderBuildingNoticePdf(row, await repo.issuer(this.db, row.enterpriseId));
    return { body, fileName: `building-notice-${row.effectiveOn}.pdf` };
  }
}

function view(r: repo.NoticeRow) {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    community: r.community,
    building: r.building,
    ownerName: r.ownerName,
    ownerPhone: r.ownerPhone,
    reason: r.reason as BuildingNoticeReason,
    cause: r.cause,
    advice: r.advice,
    effectiveOn: r.effectiveOn,
    households: r.households,
    createdAt: r.createdAt.toISOString(),
  };
}
