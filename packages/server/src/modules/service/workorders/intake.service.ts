import {
  ENTERPRISE_KIND_SECTOR,
  catalogueFor,
  catalogueItem,
  isValidPhone,
  toShanghaiDate,
  type CatalogueItem,
  type ServiceEnterpriseKind,
  type WorkOrder,
  type WorkOrderEvent,
} from '@ranre/domain';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { forbidden, notFound } from '../../../core/errors.ts';
import { complaintCategoryFor, repeatNoticeFor, type RepeatNotice } from './complaints.ts';
import { newOrderClocks } from './order-clocks.ts';
import { projectionOf } from './order-log.ts';
import { apply, eventRow, fieldError } from './order-write.ts';
import * as related from './related.repository.ts';
import * as repo from './workorders.repository.ts';
import type { TWorkOrderInput } from './workorders.schemas.ts';

// Intake (H-3.22, G-5.5.2, G-5.8.1): every channel, by an agent for a caller or by a resident for himself. The
// order starts with its `received` event; whoever takes it owns it (G-5.5.1); a matter outside the company is
// closed at once with its referral (G-5.5.2); a complaint gets its row with the repeat status (G-5.7.3).

/** Channels a resident files on himself (G-5.8.1 self-service); the others are staff's. */
const SELF_SERVICE = new Set(['web', 'wechat', 'app', 'sms', 'self_service_terminal']);

/** The caller's enterprise as the session read it (id, name, kind): an intake reads no enterprise row of its own. */
type Enterprise = { id: string; name: string; kind: string };

export class IntakeService {
  constructor(private readonly ctx: AppContext) {}

  /**
   * Creates the order and returns its id; `within` runs after it in one transaction (a hazard's repair order is
   * linked to its hazard atomically, G-5.11.7).
   */
  async create(
    actor: Actor,
    input: TWorkOrderInput,
    within?: (tx: Db, orderId: string, orderNo: string) => Promise<void>,
  ): Promise<string> {
    return (await this.take(actor, input, within)).order.id;
  }

  /**
   * Takes the request: checks it, reads what it needs (the caller's account, the address, earlier complaints), then
   * writes the order with everything that goes with it in one statement (`insertIntake`), and returns the rows
   * written, so the answer is made without reading them back (issue 21). Without `within` that statement is its own
   * transaction; with it both run in one.
   */
  async take(
    actor: Actor,
    input: TWorkOrderInput,
    within?: (tx: Db, orderId: string, orderNo: string) => Promise<void>,
  ): Promise<repo.IntakeRows> {
    const now = this.ctx.now();
    const enterprise = { id: actor.enterpriseId, name: actor.enterpriseName, kind: actor.enterpriseKind };
    const item = offeredItem(enterprise, input.itemCode);
    checkChannel(actor, input);
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
    if (receivedAt.getTime() > now.getTime()) {
      fieldError('RECEIVED_AT_INVALID', 'receivedAt', {
        zh: '12345 转办的原始受理时间不能晚于现在',
        en: 'The 12345 receipt time cannot be in the future',
      });
    }
    if (input.callerPhone && !isValidPhone(input.callerPhone)) {
      fieldError('PHONE_INVALID', 'callerPhone', {
        zh: `来电号码无效：${input.callerPhone}（应为手机号、带区号的固话如 0533-2345678，或服务号码）`,
        en: `Invalid caller phone: ${input.callerPhone} (a mobile, a landline with area code such as 0533-2345678, or a service number)`,
      });
    }
    if (input.complaintCategory && item.category !== 'complaint') {
      fieldError('COMPLAINT_CATEGORY_NOT_ALLOWED', 'complaintCategory', {
        zh: `「${item.name.zh}」不是投诉事项，不能选择投诉类别`,
        en: `"${item.name.en}" is not a complaint; it takes no complaint category`,
      });
    }
    if (input.referral && item.category !== 'referral') {
      fieldError('REFERRAL_NOT_ALLOWED', 'referral', {
        zh: '只有「非本企业事项」以告知去处结案',
        en: 'Only a matter outside the company is closed with a referral',
      });
    }
    const calendar = await this.ctx.calendar.current();

    const write = async (tx: Db) => {
      const customerId = await this.customerOf(tx, actor, input);
      const premises =
        input.premisesId && customerId ? await related.findPremises(tx, customerId, input.premisesId) : null;
      if (input.premisesId && !premises) {
        fieldError('PREMISES_NOT_FOUND', 'premisesId', {
          zh: '该用户名下没有这个用气/用热地址',
          en: 'The customer has no such premises',
        });
      }
      const address =
        input.address ??
        premises?.address ??
        (customerId ? await related.customerAddress(tx, customerId) : null);

      let notice: RepeatNotice | undefined;
      if (item.category === 'complaint') {
        notice = await repeatNoticeFor(
          tx,
          enterprise.id,
          {
            ...(customerId ? { customerId } : {}),
            ...(input.callerPhone ? { phone: input.callerPhone } : {}),
          },
          receivedAt,
          {
            ...input.repeatNotice,
            defaultContact: `${actor.role === 'resident' ? enterprise.name : actor.displayName}，${await this.hotline(tx, enterprise.id)}`,
          },
        );
      }
      const category = notice ? complaintCategoryFor(input.complaintCategory, notice) : undefined;
      if (notice && !category) {
        fieldError('COMPLAINT_CATEGORY_REQUIRED', 'complaintCategory', {
          zh: '请选择投诉类别（H-7.4.5）',
          en: 'Choose the complaint category (H-7.4.5)',
        });
      }

      const log = this.intakeEvents(actor, input, item, now, receivedAt, customerId, category);
      let replayed: WorkOrder | undefined;
      for (const e of log) replayed = apply(replayed, e, actor.role);
      const prefix =
        ENTERPRISE_KIND_SECTOR[enterprise.kind as ServiceEnterpriseKind] === 'heating' ? 'H' : 'G';
      const projection = projectionOf(replayed!);
      const id = randomUUID();
      const clocks = newOrderClocks(
        { id, enterpriseId: enterprise.id, itemCode: item.code, state: projection.state },
        log,
        now,
        calendar,
      );
      const order = {
        id,
        enterpriseId: enterprise.id,
        itemCode: item.code,
        channel: input.channel,
        customerId,
        premisesId: premises?.id ?? null,
        callerName: input.callerName,
        // The technician must be able to call: the file's phone unless the caller gave another.
        callerPhone: input.callerPhone ?? (customerId ? await related.customerPhone(tx, customerId) : null),
        address: address ?? '',
        description: input.description,
        ...projection,
        nextDueAt: clocks.nextDueAt,
        breached: clocks.breached,
        isComplaint: item.category === 'complaint',
        receivedAt,
        externalRef: input.externalRef ?? null,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      };
      return repo.insertIntake(tx, {
        order,
        prefix,
        day: toShanghaiDate(now),
        events: log.map((e) => eventRow(order, e, actor, now)),
        clocks: clocks.values,
        complaint:
          notice && category
            ? {
                orderId: id,
                enterpriseId: enterprise.id,
                category,
                responsibility: 'undecided',
                repeatCount: notice.unresolvedReports,
                flagged: notice.repeatedUnresolved,
                repeatNotice: notice as unknown as Record<string, unknown>,
                updatedAt: now,
              }
            : null,
        audit: {
          actor,
          enterpriseId: enterprise.id,
          action: 'work_order.create',
          entity: 'work_order',
          after: { itemCode: item.code, channel: input.channel, state: projection.state },
        },
      });
    };
    if (!within) return write(this.ctx.database.db);
    return this.ctx.database.db.transaction(async (tx) => {
      const rows = await write(tx);
      await within(tx, rows.order.id, rows.order.orderNo);
      return rows;
    });
  }

  /** The hotline a repeat complainant is told (G-5.7.3): only a complaint reads the enterprise's row. */
  private async hotline(db: Db, enterpriseId: string): Promise<string> {
    const row = await related.findEnterprise(db, enterpriseId);
    if (!row) throw notFound('enterprise');
    return row.hotline;
  }

  /** `received`, and for a referral item the `referred` that closes it in the same breath (G-5.5.2). */
  private intakeEvents(
    actor: Actor,
    input: TWorkOrderInput,
    item: CatalogueItem,
    now: Date,
    receivedAt: Date,
    customerId: string | null,
    category: string | undefined,
  ): WorkOrderEvent[] {
    const received = {
      type: 'received',
      at: receivedAt,
      by: actor.id,
      itemCode: item.code,
      channel: input.channel,
      summary: input.description,
      ...(customerId ? { customerId } : {}),
      ...(category ? { complaintCategory: category } : {}),
      ...(input.safetyAdviceGiven !== undefined ? { safetyAdviceGiven: input.safetyAdviceGiven } : {}),
    } as WorkOrderEvent;
    if (item.category !== 'referral') return [received];
    const referred = { type: 'referred', at: now, by: actor.id, referral: input.referral } as WorkOrderEvent;
    return [received, referred];
  }

  /**
   * The caller's account: the one named (of this enterprise; a resident only his own), else the resident's only
   * account, else the enterprise's one account with the caller's phone — so the customer's 360 view finds it.
   */
  private async customerOf(tx: Db, actor: Actor, input: TWorkOrderInput): Promise<string | null> {
    if (input.customerId) {
      const customer = await related.findCustomer(tx, actor.enterpriseId, input.customerId);
      if (!customer) {
        fieldError('CUSTOMER_NOT_FOUND', 'customerId', {
          zh: '本企业没有这个用户',
          en: 'No such customer in this enterprise',
        });
      }
      if (actor.role === 'resident' && !(await related.ownCustomers(tx, actor)).includes(customer.id)) {
        throw forbidden();
      }
      return customer.id;
    }
    if (actor.role === 'resident') {
      const own = await related.ownCustomers(tx, actor);
      return own.length === 1 ? own[0]! : null;
    }
    return input.callerPhone ? related.customerByPhone(tx, actor.enterpriseId, input.callerPhone) : null;
  }
}

/** The item, if this enterprise's kind offers it (catalogueFor). */
function offeredItem(enterprise: Enterprise, code: string): CatalogueItem {
  const item = catalogueItem(code);
  const offered = catalogueFor(enterprise.kind as ServiceEnterpriseKind).some((i) => i.code === item.code);
  if (!offered) {
    fieldError('CATALOGUE_ITEM_NOT_OFFERED', 'itemCode', {
      zh: `${enterprise.name}不办理「${item.name.zh}」`,
      en: `${enterprise.name} does not offer "${item.name.en}"`,
    });
  }
  return item;
}

function checkChannel(actor: Actor, input: TWorkOrderInput) {
  if (actor.role === 'resident' && !SELF_SERVICE.has(input.channel)) {
    fieldError('CHANNEL_NOT_ALLOWED', 'channel', {
      zh: '居民自助提交只能通过网站、微信、App、短信或自助终端渠道',
      en: 'A resident files through the web, WeChat, the app, SMS or a self-service terminal',
    });
  }
  const transfer = input.channel === 'hotline_12345';
  if (!transfer && (input.receivedAt || input.externalRef)) {
    fieldError('TRANSFER_FIELDS_NOT_ALLOWED', input.receivedAt ? 'receivedAt' : 'externalRef', {
      zh: '原始受理时间和 12345 工单号只用于 12345 转办的工单',
      en: 'receivedAt and externalRef are for orders transferred from the 12345 hotline only',
    });
  }
  if (transfer && !input.externalRef) {
    fieldError('EXTERNAL_REF_REQUIRED', 'externalRef', {
      zh: '12345 转办工单须填写 12345 工单号',
      en: 'An order transferred from 12345 needs the 12345 case number',
    });
  }
}
