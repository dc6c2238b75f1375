import {
  CLAIM_EXCLUSION_TEXT,
  COMPENSATION_PAYMENT_LIMIT,
  claimExclusions,
  computeDeadline,
  maskName,
  toShanghaiDate,
} from '@ranre/domain';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { developerMaintains } from '../../heating/operations/operations.service.ts';
import { parseDataUrl } from '../../service/workorders/attachments.service.ts';
import { sectorOf } from '../duty/duty.service.ts';
import { find as findIncident } from '../incidents/incidents.repository.ts';
import * as repo from './insurance.repository.ts';
import type { TClaimInput, ZClaimEvent, ZPolicyInput } from './insurance.schemas.ts';

// Insurance (G-11.1–G-11.4, H-9.1–H-9.8): the enterprise's policies, and claims with their timeline — insurer
// called, loss counted with the customer, parts kept, injuries, the assessed amount told — where an H-9.6 exclusion
// stops the opening unless a written reason is given, and the agreed compensation is due in 30 working days (H-9.5).
// The loss's photos and video (G-11.2, H-9.3) are real files, checked and stored as the work orders' photos are
// (`parseDataUrl`), kept with the claim, never changed; none is added once the loss is counted with the customer,
// and the count records exactly the files kept. The enterprise's staff view them; the regulator reads the list (kind,
// size, hash, time) but not the pictures, which show customers' homes and people (personal data, masked).

/** At most this many files per claim. */
export const MAX_CLAIM_MEDIA = 30;

const day = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export class InsuranceService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  private writer(actor: Actor) {
    if (actor.role !== 'enterprise_admin' || !sectorOf(actor.enterpriseKind)) throw forbidden();
  }

  async policies(actor: Actor, q: { enterpriseId?: string | undefined }) {
    const rows = await repo.listPolicies(this.db, enterpriseScope(actor, q.enterpriseId));
    return { items: rows.map(policyView) };
  }

  async addPolicy(actor: Actor, input: z.infer<typeof ZPolicyInput>) {
    this.writer(actor);
    if (input.endsOn <= input.startsOn) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '保险期间须先始后终', en: 'The term must end after it starts' },
        { field: 'endsOn' },
      );
    }
    return this.db.transaction(async (tx) => {
      const row = await repo.insertPolicy(tx, {
        ...input,
        enterpriseId: actor.enterpriseId,
        createdBy: actor.id,
        createdAt: this.ctx.now(),
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'insurance_policy.add',
        entity: 'insurance_policy',
        entityId: row.id,
        after: { insurer: input.insurer, policyNo: input.policyNo },
      });
      return policyView(row);
    });
  }

  async claims(actor: Actor, q: { enterpriseId?: string | undefined }) {
    const rows = await repo.listClaims(this.db, enterpriseScope(actor, q.enterpriseId));
    const ids = rows.map((r) => r.id);
    const [events, media] = await Promise.all([repo.eventsOf(this.db, ids), repo.mediaOf(this.db, ids)]);
    const now = this.ctx.now();
    // PIPL, minimum necessary: the regulator oversees claims across enterprises and needs the loss, the amounts and
    // the dates, not who the claimant is; the claimant is masked for it (the surname stays, G-5.7.6 style).
    const reader = actor.role === 'regulator' ? maskName : (name: string) => name;
    return {
      items: rows.map((r) =>
        claimView(
          { ...r, claimant: reader(r.claimant) },
          events.filter((e) => e.claimId === r.id),
          now,
          media.filter((m) => m.claimId === r.id),
        ),
      ),
    };
  }

  async openClaim(actor: Actor, input: TClaimInput) {
    this.writer(actor);
    const policy = await repo.findPolicy(this.db, input.policyId);
    if (!policy || policy.enterpriseId !== actor.enterpriseId) throw notFound('policy');
    const incident = input.incidentId
      ? await findIncident(this.db, input.incidentId, actor.enterpriseId)
      : undefined;
    if (input.incidentId && !incident) throw notFound('incident');
    const facts = { ...input.facts };
    if (input.community) {
      // H-9.6.3: the developer's maintenance period is read from the community's filed commitment (H-6.1.7) on
      // the day of the loss, not taken from the form; without a record the form's answer stands.
      const day = toShanghaiDate(incident?.occurredAt ?? this.ctx.now());
      const dev = await developerMaintains(this.db, actor.enterpriseId, input.community, day);
      if (dev.known) facts.developer_warranty = dev.applies;
    }
    const exclusions = claimExclusions(facts);
    if (exclusions.length > 0 && !input.overrideReason) {
      throw appError(
        'CLAIM_EXCLUDED',
        {
          zh: `按 H-9.6 不予赔偿：${exclusions.map((e) => CLAIM_EXCLUSION_TEXT[e].zh).join('、')}；如仍受理，请写明理由`,
          en: `Not liable under H-9.6: ${exclusions.map((e) => CLAIM_EXCLUSION_TEXT[e].en).join(', ')}; give a written reason to accept it anyway`,
        },
        { exclusions },
      );
    }
    const now = this.ctx.now();
    return this.db.transaction(async (tx) => {
      const row = await repo.insertClaim(tx, {
        enterpriseId: actor.enterpriseId,
        policyId: policy.id,
        incidentId: input.incidentId ?? null,
        community: input.community ?? null,
        claimant: input.claimant,
        description: input.description,
        exclusions,
        overrideReason: exclusions.length > 0 ? input.overrideReason! : null,
        createdBy: actor.id,
        createdAt: now,
      });
      await repo.appendEvent(tx, {
        claimId: row.id,
        type: 'opened',
        data: { exclusions },
        at: now,
        actorName: actor.displayName,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'insurance_claim.open',
        entity: 'insurance_claim',
        entityId: row.id,
        after: { exclusions, override: exclusions.length > 0 },
      });
      return claimView(row, await repo.eventsOf(tx, [row.id]), now, []);
    });
  }

  /**
   * G-11.2, H-9.3: a photo or a video of the loss, kept with the claim. Refused once the loss has been counted with
   * the customer (the count covers exactly the files kept then) and on a paid claim.
   */
  async addMedia(actor: Actor, id: string, input: { dataUrl: string; purpose: 'loss' | 'injury' }) {
    this.writer(actor);
    const file = parseDataUrl(input.dataUrl, { videos: true });
    const now = this.ctx.now();
    return this.db.transaction(async (tx) => {
      const row = await repo.lockClaim(tx, id);
      if (!row || row.enterpriseId !== actor.enterpriseId) throw notFound('claim');
      if (row.paidAt) throw appError('CLAIM_PAID', { zh: '该理赔已支付', en: 'The claim is paid' });
      const events = await repo.eventsOf(tx, [id]);
      // H-9.4: an injury's receipts keep coming while the casualty is treated; only the loss's files close.
      if (input.purpose === 'loss' && events.some((e) => e.type === 'loss_counted')) {
        throw appError('CLAIM_MEDIA_LOCKED', {
          zh: '损失已会同用户清点确认，照片和视频不能再增加或更改',
          en: 'The loss has been counted with the customer; its photos and video can no longer be added or changed',
        });
      }
      const kept = await repo.mediaOf(tx, [id]);
      if (kept.length >= MAX_CLAIM_MEDIA) {
        throw appError('CLAIM_MEDIA_FULL', {
          zh: `每笔理赔最多保存 ${MAX_CLAIM_MEDIA} 个照片或视频`,
          en: `A claim keeps at most ${MAX_CLAIM_MEDIA} photos or videos`,
        });
      }
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      const media = await repo.insertMedia(tx, {
        enterpriseId: row.enterpriseId,
        claimId: id,
        kind: file.kind,
        purpose: input.purpose,
        mime: file.mime,
        bytes: file.bytes.length,
        sha256,
        dataBase64: file.base64,
        createdBy: actor.id,
        createdAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: row.enterpriseId,
        action: 'insurance_claim.media',
        entity: 'insurance_claim',
        entityId: id,
        after: { mediaId: media.id, kind: file.kind, mime: file.mime, bytes: file.bytes.length, sha256 },
      });
      return mediaView(media);
    });
  }

  /** One photo or video: the claim's enterprise's staff; the regulator sees only the list (personal data). */
  async media(actor: Actor, claimId: string, id: string): Promise<{ mime: string; bytes: Buffer }> {
    if (actor.role === 'resident' || actor.role === 'regulator') throw notFound('claim media');
    const row = await repo.findMedia(this.db, claimId, id);
    if (!row || row.enterpriseId !== actor.enterpriseId) throw notFound('claim media');
    return { mime: row.mime, bytes: Buffer.from(row.dataBase64, 'base64') };
  }

  async act(actor: Actor, id: string, body: { version: number; event: z.infer<typeof ZClaimEvent> }) {
    this.writer(actor);
    const now = this.ctx.now();
    const calendar = await this.ctx.calendar.current();
    return this.db.transaction(async (tx) => {
      const row = await repo.lockClaim(tx, id);
      if (!row || row.enterpriseId !== actor.enterpriseId) throw notFound('claim');
      if (row.version !== body.version) {
        throw appError('VERSION_CONFLICT', {
          zh: '理赔已被他人更新，请刷新',
          en: 'The claim was changed meanwhile; reload it',
        });
      }
      if (row.paidAt) throw appError('CLAIM_PAID', { zh: '该理赔已支付', en: 'The claim is paid' });
      const e = body.event;
      const set: Partial<repo.ClaimRow> = { version: row.version + 1 };
      const all = await repo.mediaOf(tx, [id]);
      const media = all.filter((m) => m.purpose === 'loss');
      let recorded: Record<string, unknown> | undefined;
      if (e.type === 'injury') {
        // H-9.4: the site photos and medical receipts kept so far, recorded with the hospital.
        const injury = all.filter((m) => m.purpose === 'injury');
        recorded = {
          hospital: e.hospital,
          files: injury.map((m) => ({ id: m.id, kind: m.kind, sha256: m.sha256 })),
        };
      }
      if (e.type === 'loss_counted') {
        const before = await repo.eventsOf(tx, [id]);
        if (before.some((x) => x.type === 'loss_counted')) {
          throw appError('CLAIM_ALREADY_COUNTED', {
            zh: '损失已会同用户清点过',
            en: 'The loss has already been counted with the customer',
          });
        }
        // G-11.2, H-9.3: photos or video are kept of the loss; the count records the very files kept.
        if (media.length === 0) {
          throw appError('CLAIM_MEDIA_MISSING', {
            zh: '清点损失前请先上传现场照片或视频',
            en: 'Upload photos or a video of the loss before counting it',
          });
        }
        recorded = {
          withCustomer: true,
          photos: media.filter((m) => m.kind === 'photo').length,
          video: media.some((m) => m.kind === 'video'),
          files: media.map((m) => ({ id: m.id, kind: m.kind, sha256: m.sha256 })),
        };
      }
      if (e.type === 'parts_disposed') {
        const before = await repo.eventsOf(tx, [id]);
        if (!before.some((x) => x.type === 'parts_kept')) {
          throw appError('CLAIM_PARTS_NOT_KEPT', {
            zh: '尚未登记保留的受损部件，无从处置',
            en: 'No damaged parts were recorded as kept',
          });
        }
      }
      if (e.type === 'agreed') {
        // H-9.5: the agreed compensation is paid within 30 working days, counted by the calendar.
        set.agreedFen = e.amountFen;
        set.payDueAt = computeDeadline(now, COMPENSATION_PAYMENT_LIMIT, calendar).due;
      }
      if (e.type === 'paid') {
        if (row.agreedFen === null || e.amountFen !== row.agreedFen) {
          throw appError('CLAIM_NOT_AGREED', {
            zh: '支付金额须为双方商定的赔偿额',
            en: 'Pay the amount both parties agreed',
          });
        }
        set.paidAt = now;
      }
      await repo.updateClaim(tx, id, set);
      const { type, ...given } = e;
      const data = recorded ?? given;
      await repo.appendEvent(tx, { claimId: id, type, data, at: now, actorName: actor.displayName });
      await appendAudit(tx, {
        actor,
        enterpriseId: row.enterpriseId,
        action: `insurance_claim.${type}`,
        entity: 'insurance_claim',
        entityId: id,
        after: data,
      });
      return claimView({ ...row, ...set }, await repo.eventsOf(tx, [id]), now, all);
    });
  }
}

function policyView(r: repo.PolicyRow) {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    insurer: r.insurer,
    policyNo: r.policyNo,
    cover: r.cover,
    limitFen: r.limitFen,
    startsOn: day(r.startsOn),
    endsOn: day(r.endsOn),
    createdAt: r.createdAt.toISOString(),
  };
}

function mediaView(m: repo.ClaimMediaRow) {
  return {
    id: m.id,
    kind: m.kind as 'photo' | 'video',
    purpose: m.purpose as 'loss' | 'injury',
    mime: m.mime,
    bytes: m.bytes,
    sha256: m.sha256,
    createdAt: m.createdAt.toISOString(),
  };
}

function claimView(r: repo.ClaimRow, events: repo.ClaimEventRow[], now: Date, media: repo.ClaimMediaRow[]) {
  const late = !!r.payDueAt && (r.paidAt ? r.paidAt > r.payDueAt : now > r.payDueAt);
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    policyId: r.policyId,
    incidentId: r.incidentId,
    community: r.community,
    claimant: r.claimant,
    description: r.description,
    exclusions: r.exclusions,
    overrideReason: r.overrideReason,
    agreedFen: r.agreedFen,
    payDueAt: r.payDueAt?.toISOString() ?? null,
    paidAt: r.paidAt?.toISOString() ?? null,
    late,
    version: r.version,
    media: media.map(mediaView),
    events: events.map((e) => ({
      type: e.type,
      data: e.data,
      at: e.at.toISOString(),
      actorName: e.actorName,
    })),
    createdAt: r.createdAt.toISOString(),
  };
}
