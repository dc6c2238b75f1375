import { DomainError, toShanghaiDate } from '@ranre/domain';
import { createHash } from 'node:crypto';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import * as meters from '../../gas/meters/meters.repository.ts';
import { enterReading } from '../../gas/readings/readings.service.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { sectorOfKind } from '../../money/ledger/ledger.service.ts';
import { parseImage } from '../../service/workorders/attachments.service.ts';
import { accountActor, requireBound } from '../bindings/bindings.repository.ts';
import * as repo from './self-readings.repository.ts';
import type { TSelfReading, TSelfReadingInput } from './self-readings.schemas.ts';

// A resident reads his own gas meter and sends a photo of the register (issue 16, G-5.8.1). The reading goes
// through the very rules a reader's does (`enterReading`: date after the last reading, register not running
// backwards, the G-6.2.5 high/low check): a clean one is recorded at once as a `customer` reading and billed like
// any other; a flagged one is not recorded but kept for the staff to review against the photo — a resident cannot
// "confirm" his own implausible reading as a reader can. The photo is stored as the work orders' photos are.

const toView = (r: repo.SelfReadingRow, serialNo: string): TSelfReading => ({
  id: r.id,
  customerId: r.customerId,
  meterId: r.meterId,
  serialNo,
  readOn: r.readOn,
  register: r.register,
  usage: r.usage,
  note: r.note,
  flags: r.flags as TSelfReading['flags'],
  status: r.status as TSelfReading['status'],
  readingId: r.readingId,
  reviewNote: r.reviewNote,
  reviewedAt: r.reviewedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

export class SelfReadingService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  /** The account's meters (with their last reading) and the resident's past self-readings. */
  async form(actor: Actor, customerId: string) {
    await this.gasAccount(actor, customerId);
    const [list, items] = await Promise.all([
      repo.metersOfCustomer(this.db, customerId),
      repo.selfReadingsOf(this.db, customerId),
    ]);
    return { meters: list, items: items.map((r) => toView(r.reading, r.serialNo)) };
  }

  async submit(resident: Actor, customerId: string, input: TSelfReadingInput): Promise<TSelfReading> {
    const actor = accountActor(resident, await this.gasAccount(resident, customerId));
    const image = parseImage(input.photo);
    const now = this.ctx.now();
    const readOn = toShanghaiDate(now);
    return this.db.transaction(async (tx) => {
      const meter = await meters.findMeter(tx, input.meterId, true);
      if (!meter || meter.customerId !== customerId) throw notFound('meter');
      let status: 'accepted' | 'pending_review' = 'accepted';
      let readingId: string | null = null;
      let usage: number | null = null;
      let flags: Record<string, unknown>[] = [];
      try {
        const entered = await enterReading(
          tx,
          actor,
          {
            meterId: meter.id,
            readOn,
            kind: 'customer',
            register: input.register,
            note: input.note,
            confirm: false,
          },
          now,
        );
        readingId = entered.reading.id;
        usage = entered.reading.usage;
      } catch (e) {
        // G-6.2.5: an implausible reading is not billed on the resident's word; the staff look at the photo.
        if (!(e instanceof DomainError) || e.code !== 'READING_NEEDS_CONFIRMATION') throw e;
        const details = e.details as { flags: Record<string, unknown>[]; usage: number };
        status = 'pending_review';
        flags = details.flags;
        usage = details.usage;
      }
      const row = await repo.insertSelfReading(tx, {
        enterpriseId: meter.enterpriseId,
        customerId,
        meterId: meter.id,
        userId: actor.id,
        readOn,
        register: input.register,
        usage,
        photoMime: image.mime,
        photoBase64: image.base64,
        photoSha256: createHash('sha256').update(image.bytes).digest('hex'),
        note: input.note,
        flags,
        status,
        readingId,
        createdAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: meter.enterpriseId,
        action: 'self_reading.create',
        entity: 'resident_reading',
        entityId: row.id,
        after: {
          serialNo: meter.serialNo,
          register: input.register,
          status,
          readingId,
          flags: flags.map((f) => f.code),
          photoSha256: row.photoSha256,
        },
      });
      return toView(row, meter.serialNo);
    });
  }

  /** The photo: the resident of a bound account, or the enterprise's staff. */
  async photo(actor: Actor, id: string) {
    const row = await repo.findSelfReading(this.db, id);
    if (!row) throw notFound('self reading');
    // A resident reads the photo of a bound account, whichever enterprise holds it; staff their own enterprise's.
    if (actor.role === 'resident') await requireBound(this.db, actor, row.customerId);
    else if (row.enterpriseId !== actor.enterpriseId) throw notFound('self reading');
    return { mime: row.photoMime, bytes: Buffer.from(row.photoBase64, 'base64') };
  }

  /** The staff's list (the readings screen): flagged self-readings waiting for review, or by another status. */
  async list(actor: Actor, q: { status: string; limit: number }) {
    const rows = await repo.pendingOf(this.db, actor.enterpriseId, [q.status], q.limit);
    return {
      items: rows.map((r) => ({
        ...toView(r.reading, r.serialNo),
        accountNo: r.accountNo,
        customerName: r.customerName,
        address: r.address,
      })),
    };
  }

  /**
   * The staff's decision on a flagged self-reading: accepted, it becomes a `customer` reading confirmed with the
   * reviewer's note (the reader's rule for a flagged reading); rejected, nothing is billed from it.
   */
  async review(actor: Actor, id: string, input: { decision: 'accept' | 'reject'; note: string }) {
    const now = this.ctx.now();
    return this.db.transaction(async (tx) => {
      const row = await repo.findSelfReading(tx, id, true);
      if (!row || row.enterpriseId !== actor.enterpriseId) throw notFound('self reading');
      if (row.status !== 'pending_review') {
        throw appError('SELF_READING_REVIEWED', {
          zh: '该自报读数已处理，不能再次复核',
          en: 'This self-reading has already been dealt with',
        });
      }
      let readingId: string | null = null;
      if (input.decision === 'accept') {
        const entered = await enterReading(
          tx,
          actor,
          {
            meterId: row.meterId,
            readOn: row.readOn,
            kind: 'customer',
            register: row.register,
            note: `居民自报，复核：${input.note}`,
            confirm: true,
          },
          now,
        );
        readingId = entered.reading.id;
      }
      const updated = await repo.updateReview(tx, id, {
        status: input.decision === 'accept' ? 'accepted_after_review' : 'rejected',
        readingId,
        reviewedBy: actor.id,
        reviewedAt: now,
        reviewNote: input.note,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: row.enterpriseId,
        action: 'self_reading.review',
        entity: 'resident_reading',
        entityId: id,
        before: { status: row.status },
        after: { status: updated.status, readingId, note: input.note },
      });
      const meter = await meters.findMeter(tx, row.meterId);
      return toView(updated, meter?.serialNo ?? '');
    });
  }

  private async gasAccount(actor: Actor, customerId: string) {
    const bound = await requireBound(this.db, actor, customerId);
    if (sectorOfKind(bound.kind) !== 'gas') {
      throw appError(
        'SELF_READING_NOT_OFFERED',
        { zh: '只有管道燃气户可以自助抄表', en: 'Only a pipeline-gas account reads its own meter' },
        { field: 'customerId' },
      );
    }
    return bound;
  }
}
