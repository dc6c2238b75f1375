import { toShanghaiDate } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { versionConflict } from '../../platform/enterprises/enterprises.service.ts';
import { assertVisible, checkPrepaid, checkVerificationDates, toMeter } from './meter-rules.ts';
import { installMeter } from './meter-events.service.ts';
import * as repo from './meters.repository.ts';
import type { TMeter, TMeterCreate, TMeterPatch, TMeterQuery } from './meters.schemas.ts';

export class MeterService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  private get today() {
    return toShanghaiDate(this.ctx.now());
  }

  async list(actor: Actor, q: TMeterQuery): Promise<{ items: TMeter[] }> {
    const rows = await repo.listMeters(this.db, {
      enterpriseId: enterpriseScope(actor, q.enterpriseId),
      q: q.q,
      customerId: q.customerId,
      status: q.status,
      prepaid: q.prepaid === undefined ? undefined : q.prepaid === 'true',
      dueBy: q.dueWithinDays === undefined ? undefined : repo.dueBy(this.today, q.dueWithinDays),
      limit: q.limit,
    });
    return { items: rows.map((r) => toMeter(r, this.today)) };
  }

  async detail(actor: Actor, id: string, db: Db = this.db) {
    const meter = assertVisible(actor, await repo.findMeterView(db, id), 'meter');
    const events = await repo.eventsOf(db, id);
    return {
      meter: toMeter(meter, this.today),
      events: events.map(({ event: e, actorName }) => ({
        id: e.id,
        kind: e.kind,
        on: e.on,
        reading: e.reading,
        payload: e.payload,
        actorName,
        createdAt: e.createdAt.toISOString(),
      })),
    };
  }

  /** A new meter, in stock or installed at once for a customer (G-6.2.2 dates and prepaid settings checked). */
  async create(actor: Actor, input: TMeterCreate) {
    const prepaid = checkPrepaid(input);
    checkVerificationDates(input.verifiedOn, input.nextVerificationDue);
    const enterpriseId = actor.enterpriseId;
    const id = await this.db.transaction(async (tx) => {
      if (await repo.findBySerial(tx, enterpriseId, input.serialNo)) {
        throw appError(
          'DUPLICATE',
          { zh: `表号 ${input.serialNo} 已存在。`, en: `Meter ${input.serialNo} already exists.` },
          { field: 'serialNo' },
        );
      }
      const { install, ...fields } = input;
      const meter = await repo.insertMeter(tx, {
        ...fields,
        ...prepaid,
        enterpriseId,
        sector: 'gas',
        status: 'in_stock',
        createdAt: this.ctx.now(),
        updatedAt: this.ctx.now(),
      });
      await appendAudit(tx, {
        actor,
        enterpriseId,
        action: 'meter.create',
        entity: 'meter',
        entityId: meter.id,
        after: { ...fields, ...prepaid },
      });
      if (install) await installMeter(tx, actor, meter, { ...install, note: '' }, this.ctx.now());
      return meter.id;
    });
    return this.detail(actor, id);
  }

  /** Dates, remote reading and prepaid settings; status changes go through events. */
  async update(actor: Actor, id: string, patch: TMeterPatch) {
    await this.db.transaction(async (tx) => {
      const before = assertVisible(actor, await repo.findMeter(tx, id, true), 'meter');
      if (actor.role === 'regulator')
        throw appError('FORBIDDEN', { zh: '监管部门只读', en: 'The regulator reads only' });
      if (patch.version !== before.version) {
        throw versionConflict({ zh: '燃气表', en: 'meter' }, before.version, patch.version);
      }
      const { version: _v, ...fields } = patch;
      const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      const next = { ...before, ...changes };
      const prepaid = checkPrepaid(next);
      checkVerificationDates(next.verifiedOn, next.nextVerificationDue);
      const after = await repo.updateMeter(tx, id, { ...changes, ...prepaid }, this.ctx.now());
      await appendAudit(tx, {
        actor,
        enterpriseId: before.enterpriseId,
        action: 'meter.update',
        entity: 'meter',
        entityId: id,
        before,
        after,
      });
    });
    return this.detail(actor, id);
  }
}
