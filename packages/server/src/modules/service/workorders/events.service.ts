import {
  assertSupplyAllowed,
  assigneeRolesFor,
  catalogueItem,
  dutyProblem,
  isRushRepairItem,
  extendableDue,
  qualificationProblem,
  toShanghaiDate,
  replayWorkOrder,
  stepAlreadyRecorded,
  type WorkOrderEvent,
  type WorkOrderLogEntry,
} from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { versionConflict } from '../../platform/enterprises/enterprises.service.ts';
import { visibleOrders } from './access.ts';
import { answerUnreasonable } from './complaint-judgement.ts';
import { complaintProjection } from './complaints.ts';
import type { TEventBody } from './event.schemas.ts';
import { storeOrderClocks } from './order-clocks.ts';
import { projectionOf, toDomainEvent, toLogEntry } from './order-log.ts';
import { apply, eventRow, fieldError } from './order-write.ts';
import { measurementMissing, measurementStatus } from './measurement-gate.ts';
import * as related from './related.repository.ts';
import { jobRequirementsOf } from '../../platform/qualifications/qualifications.repository.ts';
import { supplyFacts } from '../../gas/inspections/visits.repository.ts';
import { checkConsent } from '../../gas/repair-consents/consent-gate.ts';
import { checkDelivered } from '../../gas/cylinder-deliveries/delivery-gate.ts';
import { checkConnectionRefusal } from '../../gas/supply-coverage/supply-coverage.service.ts';
import { recordWarrantyOnCompletion } from '../../gas/warranties/warranties.service.ts';
import * as repo from './workorders.repository.ts';
import { HANDOVER_ROLES } from './workorders.service.ts';
import { tellResident } from '../../residents/step-notices/step-notices.ts';

// Recording one event on an order (H-3.22: the order is its events). In one transaction: lock the row, check
// the version the caller read, replay the log, let the domain apply the event, append it, update the projection
// and the stored clocks. Any error rolls everything back: nothing is half-written.

const ORDER = { zh: '工单', en: 'work order' };

export class WorkOrderEventService {
  constructor(private readonly ctx: AppContext) {}

  async record(actor: Actor, orderId: string, body: TEventBody): Promise<void> {
    const now = this.ctx.now();
    const calendar = await this.ctx.calendar.current();
    await this.ctx.database.db.transaction(async (tx) => {
      const row = await repo.lockOrder(tx, orderId, visibleOrders(actor));
      if (!row) throw notFound('work order');
      if (actor.role === 'technician' && row.assigneeId !== actor.id) {
        throw appError('FORBIDDEN', {
          zh: '只有被派单的维修人员可以处理这张工单',
          en: 'Only the technician the order is assigned to may act on it',
        });
      }
      const entries = (await repo.listEvents(tx, orderId)).map(toLogEntry);
      // A second tap on a step already recorded (arrival, accept, start) is harmless: nothing is written, even from
      // a page that had not yet seen the first one (its version is one behind).
      const logged = entries.map((e) => e.event);
      if (stepAlreadyRecorded(logged, body.event.type as WorkOrderEvent['type'])) return;
      if (row.version !== body.version) throw versionConflict(ORDER, row.version, body.version);
      const current = replayWorkOrder(entries);
      const events = entries.map((e) => e.event);
      const previousDue =
        body.event.type === 'deadline_extended'
          ? extendableDue(row.itemCode, events, now, calendar)
          : undefined;
      const event = toDomainEvent(body.event, actor.id, now, previousDue ? { previousDue } : {});
      const next = apply(current, event, actor.role);
      await checkPeople(tx, row.enterpriseId, row.itemCode, event, now);
      await checkAttachments(tx, row.id, event, entries);
      await checkMeasurement(tx, row, event);
      await checkSupplyGate(tx, row, event);
      // G-5.3.1, G-6.1.3: an eligible connection is not refused; a refusal names the condition not met.
      await checkConnectionRefusal(tx, row, event);
      // G-9.2.6: appliance work starts and completes only on the customer's signed consent to the prices.
      await checkConsent(tx, row, event);
      // G-7.2.2: a bottled-gas delivery completes on its recorded delivery.
      await checkDelivered(tx, row, event);

      await repo.insertEvents(tx, [eventRow(row, event, actor, now)]);
      const clocks = await storeOrderClocks(
        tx,
        { ...row, state: next.state },
        [...events, event],
        now,
        calendar,
      );
      const written = await repo.updateOrder(tx, row.id, row.version, {
        ...projectionOf(next),
        nextDueAt: clocks.nextDueAt,
        breached: clocks.breached,
        updatedAt: now,
      });
      if (!written) throw versionConflict(ORDER, row.version + 1, body.version);
      if (next.complaint) {
        await related.updateComplaint(tx, row.id, { ...complaintProjection(next), updatedAt: now });
      }
      await answerUnreasonable(tx, row, event);
      // G-5.8.3: a resident bound to the account is told of the step (SMS through the outbox).
      await tellResident(tx, { ...row, version: row.version + 1 }, event);
      // G-9.2.8: completed appliance work carries its warranty from today.
      await recordWarrantyOnCompletion(tx, actor, row, event, now);
      await appendAudit(tx, {
        actor,
        enterpriseId: row.enterpriseId,
        action: `work_order.${event.type}`,
        entity: 'work_order',
        entityId: row.id,
        before: { state: row.state, version: row.version },
        after: { state: next.state, version: row.version + 1 },
      });
    });
  }
}

/**
 * The people an event names must be logins of the order's enterprise who can take that part: a repair or an
 * emergency goes to a technician, never an inspector; nobody whose qualification certificate has expired (G-5.6.1).
 */
async function checkPeople(tx: Db, enterpriseId: string, itemCode: string, event: WorkOrderEvent, now: Date) {
  const dispatch =
    event.type === 'dispatched' || event.type === 'transferred' || event.type === 'redispatched';
  const named = dispatch
    ? {
        field: 'assignee',
        id: event.assignee,
        roles: assigneeRolesFor(catalogueItem(itemCode).category) as readonly string[],
      }
    : event.type === 'handed_over'
      ? { field: 'to', id: event.to, roles: HANDOVER_ROLES as readonly string[] }
      : null;
  if (!named) return;
  const user = /^[0-9a-f-]{36}$/i.test(named.id) ? await related.findUser(tx, named.id) : null;
  if (!user || user.enterpriseId !== enterpriseId || !user.active || !named.roles.includes(user.role)) {
    const who = named.field === 'to' ? '工作人员' : named.roles.length === 1 ? '维修人员' : '维修或巡检人员';
    const whoEn =
      named.field === 'to' ? 'staff' : named.roles.length === 1 ? 'technician' : 'technician or inspector';
    fieldError('ASSIGNEE_INVALID', named.field, {
      zh: `${named.field} 须为本企业在岗的${who}账号`,
      en: `${named.field} must be an active ${whoEn} login of this enterprise`,
    });
  }
  if (!dispatch) return;
  const certs = await related.certificatesOfUsers(tx, enterpriseId, [user]);
  const job = (await jobRequirementsOf(tx, enterpriseId, itemCode, [user])).get(user.id);
  const problem = qualificationProblem(certs.get(user.id) ?? [], toShanghaiDate(now), job);
  if (problem) fieldError('ASSIGNEE_NOT_QUALIFIED', named.field, problem);
  // G-5.12.3, H-6.4.3, H-7.3.1: an urgent order goes only to someone on a rush-repair shift now.
  if (!isRushRepairItem(catalogueItem(itemCode))) return;
  const off = dutyProblem((await related.onRushRepairDuty(tx, enterpriseId, [user.id], now)).has(user.id));
  if (off) fieldError('ASSIGNEE_NOT_ON_DUTY', named.field, off);
}

/**
 * H-7.2.3 / H-5.4.5: a low-temperature complaint is completed on a measurement taken by the protocol, recorded on
 * the order (which also opens its low-temperature case), never on a note alone.
 */
async function checkMeasurement(tx: Db, row: { id: string; itemCode: string }, event: WorkOrderEvent) {
  if (event.type !== 'completed') return;
  const status = await measurementStatus(tx, row);
  if (!status || status.recorded) return;
  fieldError('MEASUREMENT_REQUIRED', 'record', measurementMissing(status.protocol));
}

/**
 * G-5.11.3, G-6.2.1: a pipeline gas connection is completed (connected and lit) only for a customer account whose
 * inspection before supply passed and who has no serious or major hazard open; the refusal names what is missing.
 */
async function checkSupplyGate(
  tx: Db,
  row: { itemCode: string; customerId: string | null },
  event: WorkOrderEvent,
) {
  if (event.type !== 'completed' || row.itemCode !== 'gas_connection') return;
  if (!row.customerId)
    fieldError('SUPPLY_INSPECTION_MISSING', 'customerId', {
      zh: '报装工单尚未关联用户档案，无法核对通气前安全检查，不得通气（G-5.11.3）',
      en: 'The connection order names no customer account, so no inspection before supply can be found (G-5.11.3)',
    });
  assertSupplyAllowed(await supplyFacts(tx, row.customerId));
}

/**
 * G-5.9.7: a record that says the customer signed must have the signature on file — the one it names, or one
 * uploaded for this order since it was last dispatched again. Photo ids must be this order's attachments.
 */
async function checkAttachments(
  tx: Db,
  orderId: string,
  event: WorkOrderEvent,
  entries: WorkOrderLogEntry[],
) {
  if (event.type !== 'completed') return;
  const record = event.record as typeof event.record & {
    signatureAttachmentId?: string;
    photoAttachmentIds?: string[];
  };
  const files = await related.listAttachments(tx, orderId);
  for (const id of record.photoAttachmentIds ?? []) {
    if (!files.some((f) => f.id === id)) {
      fieldError('ATTACHMENT_NOT_FOUND', 'record.photoAttachmentIds', {
        zh: `附件 ${id} 不属于这张工单`,
        en: `Attachment ${id} does not belong to this order`,
      });
    }
  }
  if (!record.onSite || record.signature !== true) return;
  const since = entries.filter((e) => e.event.type === 'redispatched').at(-1)?.event.at;
  const signatures = files.filter(
    (f) => f.kind === 'signature' && (!since || f.createdAt.getTime() >= since.getTime()),
  );
  const found = record.signatureAttachmentId
    ? signatures.some((f) => f.id === record.signatureAttachmentId)
    : signatures.length > 0;
  if (!found) {
    fieldError(
      'SIGNATURE_MISSING',
      record.signatureAttachmentId ? 'record.signatureAttachmentId' : 'record.signature',
      {
        zh: '作业记录注明用户已签字，但工单没有上传的用户签名（G-5.9.7）；请先上传签名，或记录拒签原因',
        en: 'The record says the customer signed, but no signature was uploaded for this order (G-5.9.7); upload it first, or record why it was refused',
      },
      { clause: 'G-5.9.7' },
    );
  }
}
