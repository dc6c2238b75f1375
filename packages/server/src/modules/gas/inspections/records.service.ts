import {
  countsAsInspected,
  hazardDeadline,
  needsSignature,
  summariseVisit,
  type HazardGrade,
  type VisitOutcome,
  type WorkCalendar,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/client.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { parseImage } from '../../service/workorders/attachments.service.ts';
import { openHazard } from '../hazards/hazards.service.ts';
import type { TFollowUp, TRecord } from './inspections.schemas.ts';
import * as visits from './visits.repository.ts';

// G-5.11.4, G-5.11.8, G-5.11.9: a visit record, appended once per client id, with its findings turned into hazards and
// the planned visit's state replayed from all its records — in one transaction with the audit event.

const refuse = (code: string, zh: string, en: string, field?: string) =>
  appError(code, { zh, en }, field ? { field } : undefined);

/** What a record must carry for its outcome, checked before anything is written. */
export function checkRecord(input: TRecord, now: Date) {
  const at = new Date(input.at);
  if (at.getTime() > now.getTime() + 5 * 60_000)
    throw refuse('RECORD_IN_FUTURE', '记录时间不能晚于现在', 'The record cannot be in the future', 'at');
  const inspected = countsAsInspected(input.outcome);
  if (inspected && input.checklist.length === 0)
    throw refuse(
      'CHECKLIST_REQUIRED',
      '已入户安检须填写检查项目',
      'An inspection records its checklist',
      'checklist',
    );
  if (!inspected && input.findings.length > 0)
    throw refuse(
      'FINDINGS_NOT_ALLOWED',
      '未入户不能登记隐患',
      'No findings without an inspection',
      'findings',
    );
  if (input.outcome === 'refused_notice' && input.findings.length === 0)
    throw refuse(
      'FINDINGS_REQUIRED',
      '拒收整改通知书须登记所发现的隐患（G-5.11.8）',
      'A refused rectification notice needs the hazards it listed (G-5.11.8)',
      'findings',
    );
  if (needsSignature(input.outcome) && !input.signature)
    throw refuse(
      'SIGNATURE_MISSING',
      '安检记录须由用户签字；用户拒绝签字的，请选择“拒绝签字”（G-5.11.4、G-5.11.8）',
      'The record needs the customer’s signature; if the customer refuses, record “refused to sign” (G-5.11.4, G-5.11.8)',
      'signature',
    );
  if ((input.outcome === 'refused_to_sign' || input.outcome === 'refused_entry') && !input.note.trim())
    throw refuse(
      'NOTE_REQUIRED',
      '拒绝情形须写明经过（G-5.11.8）',
      'Describe the refusal (G-5.11.8)',
      'note',
    );
  if (input.signature) parseImage(input.signature);
  for (const f of input.findings) for (const p of f.photos) parseImage(p);
}

type Attempts = { outcome: VisitOutcome; at: Date }[];

async function attemptsOf(tx: Db, visitId: string): Promise<Attempts> {
  return (await visits.attemptsOf(tx, visitId)).map((a) => ({
    outcome: a.outcome as VisitOutcome,
    at: a.at,
  }));
}

function projection(attempts: Attempts, visit: visits.VisitRow) {
  const last = attempts.at(-1);
  const done = attempts.find((a) => countsAsInspected(a.outcome));
  return {
    attempts: attempts.length,
    lastOutcome: last?.outcome ?? null,
    lastAttemptAt: last?.at ?? null,
    inspectedAt: done?.at ?? null,
    followUp: visit.followUp,
  };
}

/** Replays the visit's records (G-5.11.9) into its projected state. */
async function replay(tx: Db, visit: visits.VisitRow, calendar: WorkCalendar) {
  const attempts = await attemptsOf(tx, visit.id);
  const f = visit.followUp;
  const summary = summariseVisit(attempts, f ? { ...f, at: new Date(f.at) } : null, calendar);
  await visits.project(tx, visit.id, { ...projection(attempts, visit), state: summary.state });
  return summary.state;
}

/**
 * Appends a checked record inside `tx`: its findings become hazards, the planned visit is replayed, the audit event
 * written. Null when the id was already recorded (two sends at once). Used by the service and the demo seed.
 */
export async function appendRecord(tx: Db, actor: Actor, input: TRecord, now: Date, calendar: WorkCalendar) {
  const at = new Date(input.at);
  const customer = await visits.customerOf(tx, input.customerId);
  if (!customer || customer.enterpriseId !== actor.enterpriseId) throw notFound('customer');
  const visit = input.visitId ? await visits.lockVisit(tx, input.visitId) : null;
  if (
    input.visitId &&
    (!visit || visit.enterpriseId !== actor.enterpriseId || visit.customerId !== customer.id)
  )
    throw notFound('inspection visit');
  const row = await visits.insertRecord(tx, {
    id: input.id,
    enterpriseId: actor.enterpriseId,
    visitId: visit?.id ?? null,
    customerId: customer.id,
    inspectorId: actor.id,
    purpose: input.purpose,
    outcome: input.outcome,
    at,
    place: input.place ?? null,
    checklist: input.checklist,
    signature: input.signature ?? null,
    note: input.note,
    receivedAt: now,
  });
  if (!row) return null;
  const hazardIds: string[] = [];
  for (const f of input.findings) {
    const h = await openHazard(tx, actor, {
      enterpriseId: actor.enterpriseId,
      customerId: customer.id,
      recordId: row.id,
      item: f.item,
      grade: f.grade,
      responsible: f.responsible,
      description: f.description,
      photos: f.photos,
      foundAt: at,
      noticeRefused: input.outcome === 'refused_notice',
      dueAt: hazardDeadline(f.grade as HazardGrade, at, calendar),
    });
    hazardIds.push(h.id);
  }
  const state = visit ? await replay(tx, visit, calendar) : null;
  await appendAudit(tx, {
    actor,
    enterpriseId: actor.enterpriseId,
    action: `inspection.${input.outcome}`,
    entity: 'inspection_record',
    entityId: row.id,
    after: {
      customerId: customer.id,
      visitId: visit?.id ?? null,
      at: input.at,
      hazards: hazardIds.length,
      state,
    },
  });
  return { id: row.id, duplicate: false, visitState: state, hazardIds };
}

/** G-5.11.9: the community follow-up, once the further attempts were made and still nobody was home. */
export async function recordFollowUp(
  tx: Db,
  actor: Actor,
  visitId: string,
  input: TFollowUp,
  calendar: WorkCalendar,
) {
  const visit = await visits.lockVisit(tx, visitId);
  if (!visit || visit.enterpriseId !== actor.enterpriseId) throw notFound('inspection visit');
  const attempts = await attemptsOf(tx, visit.id);
  const summary = summariseVisit(attempts, null, calendar);
  if (summary.state !== 'community_follow_up_due')
    throw appError('FOLLOW_UP_NOT_DUE', {
      zh: `尚不能转社区联动：${summary.explanation.zh}`,
      en: `The community follow-up is not due yet: ${summary.explanation.en}`,
    });
  const followUp = { committee: input.committee, at: input.at, agreed: input.agreed };
  await visits.project(tx, visit.id, {
    ...projection(attempts, visit),
    followUp,
    state: 'community_followed_up',
  });
  await appendAudit(tx, {
    actor,
    enterpriseId: actor.enterpriseId,
    action: 'inspection.community_follow_up',
    entity: 'inspection_visit',
    entityId: visit.id,
    after: followUp,
  });
  return { id: visit.id, state: 'community_followed_up' as const };
}

export class RecordService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async record(actor: Actor, input: TRecord) {
    const earlier = await visits.findRecord(this.db, input.id);
    if (earlier) return this.duplicate(actor, earlier);
    const now = this.ctx.now();
    checkRecord(input, now);
    const calendar = await this.ctx.calendar.current();
    const out = await this.db.transaction((tx) => appendRecord(tx, actor, input, now, calendar));
    if (out) return out;
    // Sent twice at once: the other request wrote it.
    return this.duplicate(actor, (await visits.findRecord(this.db, input.id))!);
  }

  async followUp(actor: Actor, visitId: string, input: TFollowUp) {
    const calendar = await this.ctx.calendar.current();
    return this.db.transaction((tx) => recordFollowUp(tx, actor, visitId, input, calendar));
  }

  private async duplicate(actor: Actor, r: visits.RecordRow) {
    if (r.enterpriseId !== actor.enterpriseId)
      throw appError('DUPLICATE', { zh: '记录编号已被使用', en: 'The record id is already in use' });
    const visit = r.visitId ? await visits.lockVisit(this.db, r.visitId) : null;
    return { id: r.id, duplicate: true, visitState: visit?.state ?? null, hazardIds: [] as string[] };
  }
}
