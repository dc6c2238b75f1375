import { createHash } from 'node:crypto';
import { addDays, daysBetween, maskPhone, toShanghaiDate } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { assertCanManage, enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findEnterprise } from '../enterprises/enterprises.repository.ts';
import { assertPhone, versionConflict } from '../enterprises/enterprises.service.ts';
import * as repo from './staff.repository.ts';
import type {
  TCertificate,
  TCertificateInput,
  TExpiringCertificate,
  TStaff,
  TStaffInput,
  TStaffPatch,
} from './staff.schemas.ts';

export const MAX_PHOTO_BYTES = 300 * 1024;
const STAFF = { zh: '员工信息', en: 'staff record' };
const PHOTO_TYPES: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};
const DATA_URL = /^data:(image\/(?:png|jpeg|webp));base64,([A-Za-z0-9+/]*={0,2})$/;

/** A badge photo: a PNG, JPEG or WebP data URL whose bytes are what it says, at most 300 KB decoded. */
export function assertPhoto(photo: string): string {
  const m = DATA_URL.exec(photo);
  const bytes = m ? Buffer.from(m[2]!, 'base64') : null;
  if (!m || !bytes || m[2]!.length % 4 !== 0 || !PHOTO_TYPES[m[1]!]!(bytes)) {
    throw appError(
      'PHOTO_INVALID',
      {
        zh: '照片须为 PNG、JPEG 或 WebP 图片的 data URL（data:image/png;base64,…）',
        en: 'The photo must be a data URL of a PNG, JPEG or WebP image (data:image/png;base64,…)',
      },
      { field: 'photo' },
    );
  }
  if (bytes.length > MAX_PHOTO_BYTES) {
    throw appError(
      'PHOTO_TOO_LARGE',
      {
        zh: `照片过大：${Math.ceil(bytes.length / 1024)} KB，最大 300 KB`,
        en: `The photo is too large: ${Math.ceil(bytes.length / 1024)} KB, at most 300 KB`,
      },
      { field: 'photo', bytes: bytes.length, maxBytes: MAX_PHOTO_BYTES },
    );
  }
  return photo;
}

/** G-5.7.6, H-7.6.6.3: personal data only to those who need it — the regulator and the enterprise's own admin. */
export function seesPhones(actor: Actor, enterpriseId: string): boolean {
  return (
    actor.role === 'regulator' || (actor.role === 'enterprise_admin' && actor.enterpriseId === enterpriseId)
  );
}

const toCertificate = (c: repo.CertificateRow): TCertificate => ({
  id: c.id,
  staffId: c.staffId,
  name: c.name,
  number: c.number,
  issuer: c.issuer,
  issuedOn: c.issuedOn,
  expiresOn: c.expiresOn,
});

function toStaff(actor: Actor, s: repo.StaffRow, certs: repo.CertificateRow[]): TStaff {
  return {
    id: s.id,
    enterpriseId: s.enterpriseId,
    enterpriseName: s.enterpriseName,
    name: s.name,
    badgeNo: s.badgeNo,
    employeeNo: s.employeeNo,
    post: s.post,
    phone: seesPhones(actor, s.enterpriseId) ? s.phone : maskPhone(s.phone),
    photo: s.photo,
    active: s.active,
    version: s.version,
    certificates: certs.map(toCertificate),
  };
}

/** The audit trail keeps a digest of the photo, not the image. */
function auditView<T extends { photo: string | null; createdAt: Date; updatedAt: Date }>(s: T) {
  const { photo, createdAt: _c, updatedAt: _u, ...rest } = s;
  const digest = photo ? `sha256:${createHash('sha256').update(photo).digest('hex')}` : null;
  return { ...rest, photo: digest };
}

export class StaffService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async list(actor: Actor, enterpriseId?: string): Promise<TStaff[]> {
    const scope = enterpriseScope(actor, enterpriseId);
    const [rows, certs] = await Promise.all([
      repo.listStaff(this.db, scope),
      repo.certificatesOfEnterprise(this.db, scope),
    ]);
    const byStaff = new Map<string, repo.CertificateRow[]>();
    for (const c of certs) {
      const list = byStaff.get(c.staffId);
      if (list) list.push(c);
      else byStaff.set(c.staffId, [c]);
    }
    return rows.map((s) => toStaff(actor, s, byStaff.get(s.id) ?? []));
  }

  async get(actor: Actor, id: string): Promise<TStaff> {
    const row = await this.visible(this.db, actor, id);
    return toStaff(actor, row, await repo.certificatesOfStaff(this.db, [id]));
  }

  async create(actor: Actor, input: TStaffInput): Promise<TStaff> {
    const enterpriseId = input.enterpriseId ?? actor.enterpriseId;
    assertCanManage(actor, enterpriseId);
    const values = {
      ...input,
      enterpriseId,
      phone: input.phone ? assertPhone('phone', input.phone) : null,
      photo: input.photo ? assertPhoto(input.photo) : null,
    };
    const now = this.ctx.now();
    const id = await this.db.transaction(async (tx) => {
      if (!(await findEnterprise(tx, enterpriseId))) throw notFound('enterprise');
      const created = await repo.insertStaff(tx, { ...values, createdAt: now, updatedAt: now });
      await appendAudit(tx, {
        actor,
        enterpriseId,
        action: 'staff.create',
        entity: 'staff',
        entityId: created.id,
        after: auditView(created),
      });
      return created.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, patch: TStaffPatch): Promise<TStaff> {
    const { version, ...fields } = patch;
    const changes: repo.StaffChanges = {};
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) Object.assign(changes, { [k]: v });
    if (changes.phone) changes.phone = assertPhone('phone', changes.phone);
    if (changes.phone === '') changes.phone = null;
    if (changes.photo) changes.photo = assertPhoto(changes.photo);
    if (changes.photo === '') changes.photo = null;

    await this.db.transaction(async (tx) => {
      const before = await this.visible(tx, actor, id, true);
      assertCanManage(actor, before.enterpriseId);
      if (version !== undefined && version !== before.version)
        throw versionConflict(STAFF, before.version, version);
      if (Object.keys(changes).length === 0) return;
      if (!(await repo.updateStaff(tx, id, before.version, changes, this.ctx.now()))) {
        throw versionConflict(STAFF, before.version + 1, before.version);
      }
      const after = (await repo.findStaff(tx, id))!;
      await appendAudit(tx, {
        actor,
        enterpriseId: before.enterpriseId,
        action: 'staff.update',
        entity: 'staff',
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      });
    });
    return this.get(actor, id);
  }

  async addCertificate(actor: Actor, staffId: string, input: TCertificateInput): Promise<TCertificate> {
    if (input.expiresOn <= input.issuedOn) {
      throw appError(
        'CERTIFICATE_DATES_INVALID',
        {
          zh: `证书有效期截止日（${input.expiresOn}）须晚于发证日期（${input.issuedOn}）`,
          en: `A certificate must expire (${input.expiresOn}) after it was issued (${input.issuedOn})`,
        },
        { fields: ['issuedOn', 'expiresOn'] },
      );
    }
    const row = await this.db.transaction(async (tx) => {
      const person = await this.visible(tx, actor, staffId);
      assertCanManage(actor, person.enterpriseId);
      const created = await repo.insertCertificate(tx, {
        ...input,
        staffId,
        enterpriseId: person.enterpriseId,
        createdAt: this.ctx.now(),
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: person.enterpriseId,
        action: 'certificate.create',
        entity: 'certificate',
        entityId: created.id,
        after: { ...toCertificate(created), staffName: person.name },
      });
      return created;
    });
    return toCertificate(row);
  }

  /**
   * G-9.2.2: certificates expiring within `days` days of today (Asia/Shanghai), the expired ones included with a
   * negative daysLeft, soonest first.
   */
  async expiring(actor: Actor, days: number, enterpriseId?: string): Promise<TExpiringCertificate[]> {
    const today = toShanghaiDate(this.ctx.now());
    const rows = await repo.expiringCertificates(
      this.db,
      enterpriseScope(actor, enterpriseId),
      addDays(today, days),
    );
    return rows.map((r) => ({ ...r, daysLeft: daysBetween(today, r.expiresOn) }));
  }

  /** The staff member, if the caller may see him; another enterprise's staff answer as not found. */
  private async visible(db: Db, actor: Actor, id: string, forUpdate = false): Promise<repo.StaffRow> {
    const row = await repo.findStaff(db, id, { forUpdate });
    if (!row || (actor.role !== 'regulator' && row.enterpriseId !== actor.enterpriseId))
      throw notFound('staff');
    return row;
  }
}
