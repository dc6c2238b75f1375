import {
  HAZARD_GRADE_RULES,
  applyHazardEvent,
  hazardDeadline,
  maskPhone,
  type HazardEvent,
  type HazardGrade,
  type HazardState,
  type ResponsibleParty,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import type { Db } from '../../../db/client.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { maskAddress, maskName } from '../../service/workorders/access.ts';
import * as repo from './hazards.repository.ts';
import { orderHazardRepair } from './hazard-repair.ts';
import { renderRectificationPdf } from './rectification-pdf.ts';
import type { THazardQuery, THazardStep } from './hazards.schemas.ts';

/**
 * G-5.11.6: a finding on a visit record becomes a hazard with its grade's deadline and the first entry of its file;
 * a major one is reported to the regulator at once (G-5.11.10, G-6.2.17). Runs in the record's transaction.
 */
export async function openHazard(
  tx: Db,
  actor: Actor,
  h: {
    enterpriseId: string;
    customerId: string | null;
    recordId: string | null;
    patrolId?: string | null;
    location?: string;
    item: string;
    grade: HazardGrade;
    responsible: ResponsibleParty;
    description: string;
    photos: string[];
    foundAt: Date;
    noticeRefused: boolean;
    dueAt: Date;
  },
) {
  const rule = HAZARD_GRADE_RULES[h.grade];
  const row = await repo.insertHazard(tx, {
    enterpriseId: h.enterpriseId,
    customerId: h.customerId,
    recordId: h.recordId,
    patrolId: h.patrolId ?? null,
    location: h.location ?? '',
    item: h.item,
    grade: h.grade,
    responsible: h.responsible,
    description: h.description,
    foundAt: h.foundAt,
    dueAt: h.dueAt,
    notice: h.noticeRefused ? 'refused' : 'pending',
    reportedAt: rule.reportToRegulator ? h.foundAt : null,
  });
  const event = (type: string, data: Record<string, unknown>) =>
    repo.appendEvent(tx, {
      hazardId: row.id,
      enterpriseId: h.enterpriseId,
      type,
      at: h.foundAt,
      actorId: actor.id,
      data,
    });
  await event('found', {
    grade: h.grade,
    dueAt: h.dueAt.toISOString(),
    description: h.description,
    photos: h.photos,
  });
  if (h.noticeRefused) await event('notice_refused', {});
  if (rule.reportToRegulator) await event('reported', { to: 'regulator' });
  return row;
}

/** One step of a hazard's file, checked by the domain, the ledger row and the audit event written with it. */
export async function stepHazard(tx: Db, actor: Actor, id: string, input: THazardStep, now: Date) {
  const row = await repo.lockHazard(tx, id);
  if (!row || row.enterpriseId !== actor.enterpriseId) throw notFound('hazard');
  const state: HazardState = {
    grade: row.grade as HazardGrade,
    status: row.status as 'open' | 'closed',
    dueAt: row.dueAt,
    notice: row.notice as HazardState['notice'],
    reportedAt: row.reportedAt,
    closedAt: row.closedAt,
    extensions: row.extensions,
  };
  const event: HazardEvent =
    input.type === 'extended'
      ? { type: 'extended', at: now, dueAt: new Date(input.dueAt ?? ''), reason: input.reason ?? '' }
      : input.type === 'closed'
        ? { type: 'closed', at: now, note: input.reason ?? '' }
        : { type: input.type, at: now };
  const next = applyHazardEvent(state, event);
  await repo.updateHazard(tx, id, {
    status: next.status,
    dueAt: next.dueAt,
    notice: next.notice,
    closedAt: next.closedAt,
    extensions: next.extensions,
  });
  await repo.appendEvent(tx, {
    hazardId: id,
    enterpriseId: row.enterpriseId,
    type: input.type,
    at: now,
    actorId: actor.id,
    data: { reason: input.reason ?? '', dueAt: input.dueAt ?? null, photos: input.photos },
  });
  await appendAudit(tx, {
    actor,
    enterpriseId: row.enterpriseId,
    action: `hazard.${input.type}`,
    entity: 'hazard',
    entityId: id,
    before: { status: row.status, dueAt: row.dueAt.toISOString() },
    after: { status: next.status, dueAt: next.dueAt.toISOString(), reason: input.reason ?? '' },
  });
}

export class HazardService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async deadline(grade: HazardGrade, foundAt: Date): Promise<Date> {
    return hazardDeadline(grade, foundAt, await this.ctx.calendar.current());
  }

  async ledger(actor: Actor, q: THazardQuery) {
    const now = this.ctx.now();
    const scope = enterpriseScope(actor, q.enterpriseId);
    const { rows, total } = await repo.ledger(this.db, {
      enterpriseId: scope,
      status: q.status,
      grade: q.grade,
      community: q.community,
      overdue: q.overdue === 'true',
      reported: q.reported === 'true',
      source: q.source,
      patrolId: q.patrolId,
      now,
      limit: q.limit,
      offset: q.offset,
    });
    return { total, items: rows.map(({ total: _t, ...r }) => this.view(actor, r)) };
  }

  /** The regulator's queue of major hazards reported (G-6.2.17), across enterprises for the regulator. */
  async majorQueue(actor: Actor, q: THazardQuery) {
    return this.ledger(actor, { ...q, grade: 'major', reported: 'true' });
  }

  async get(actor: Actor, id: string) {
    const row = await repo.hazardById(this.db, id);
    if (!row || (actor.role !== 'regulator' && row.enterpriseId !== actor.enterpriseId))
      throw notFound('hazard');
    const events = await repo.eventsOf(this.db, id);
    const now = this.ctx.now();
    return {
      ...this.view(actor, { ...row, overdue: row.status === 'open' && row.dueAt.getTime() < now.getTime() }),
      file: events.map((e) => ({ id: e.id, type: e.type, at: e.at.toISOString(), data: e.data })),
      // G-5.11.7: the repair the customer asked the company to do, its state and the signed price list.
      repairOrder: row.repairOrderId ? await repo.repairOrderOf(this.db, row.repairOrderId) : null,
    };
  }

  /**
   * The rectification notice (G-5.11.6) as a PDF, printed from the file's first entry (the grade and deadline as
   * found) so a reprint is the same notice; extensions are listed as later entries. The regulator's copy is masked.
   */
  async rectificationPdf(actor: Actor, id: string): Promise<{ fileName: string; body: Buffer }> {
    const h = await this.get(actor, id);
    const found = h.file.find((e) => e.type === 'found');
    const company = await repo.issuerOf(this.db, h.enterpriseId);
    const noticeNo = `ZG-${h.foundAt.slice(0, 10).replaceAll('-', '')}-${h.id.slice(0, 8).toUpperCase()}`;
    const body = await renderRectificationPdf({
      noticeNo,
      company: company.name,
      hotline: company.hotline,
      supervisionPhone: company.supervisionPhone,
      customerName: h.customerName,
      accountNo: h.accountNo,
      address: h.address,
      item: h.item,
      grade: ((found?.data.grade as HazardGrade | undefined) ?? h.grade) as HazardGrade,
      responsible: h.responsible as ResponsibleParty,
      description: h.description,
      foundAt: new Date(h.foundAt),
      dueAt: new Date((found?.data.dueAt as string | undefined) ?? h.dueAt),
      notice: h.notice as 'pending' | 'signed' | 'refused',
      extensions: h.file
        .filter((e) => e.type === 'extended')
        .map((e) => ({
          at: new Date(e.at),
          dueAt: new Date(String(e.data.dueAt)),
          reason: String(e.data.reason ?? ''),
        })),
    });
    return { fileName: `${noticeNo}.pdf`, body };
  }

  /** Re-inspection closes the hazard or extends it with a reason; the notice signed or refused (G-5.11.6). */
  async step(actor: Actor, id: string, input: THazardStep) {
    const now = this.ctx.now();
    await this.db.transaction((tx) => stepHazard(tx, actor, id, input, now));
    return this.get(actor, id);
  }

  /** G-5.11.7: the customer asks the company to repair the hazard: a work order of its own, linked in the file. */
  async repairOrder(actor: Actor, id: string, input: { note: string }) {
    await orderHazardRepair(this.ctx, actor, id, input);
    return this.get(actor, id);
  }

  /** Instants as ISO strings; for the regulator, personal data masked. */
  private view<
    T extends {
      customerId: string | null;
      customerName: string;
      phone: string | null;
      address: string;
      foundAt: Date;
      dueAt: Date;
      reportedAt: Date | null;
      closedAt: Date | null;
    },
  >(actor: Actor, r: T) {
    const out = {
      ...r,
      foundAt: r.foundAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      reportedAt: r.reportedAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
    };
    // A hazard on the network (a patrol's, G-5.11.10) names a place, no person: nothing to mask.
    if (actor.role !== 'regulator' || !r.customerId) return out;
    return {
      ...out,
      customerName: maskName(r.customerName),
      phone: maskPhone(r.phone),
      address: maskAddress(r.address),
    };
  }
}
