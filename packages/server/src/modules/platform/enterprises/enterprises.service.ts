import { creditCodeProblem, isValidPhone } from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { assertCanManage, enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import * as repo from './enterprises.repository.ts';
import type { TEnterprise, TEnterpriseInput, TEnterprisePatch } from './enterprises.schemas.ts';

/** Registration data only the regulator changes; an enterprise's admin keeps its published contact data current. */
const ENTERPRISE = { zh: '企业信息', en: 'enterprise' };
const REGULATOR_ONLY_FIELDS = ['name', 'kind', 'creditCode'] as const;

export function toEnterprise(r: repo.EnterpriseRow): TEnterprise {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as TEnterprise['kind'],
    creditCode: r.creditCode,
    hotline: r.hotline,
    supervisionPhone: r.supervisionPhone,
    address: r.address,
    district: r.district,
    servicePoints: r.servicePoints,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** GB 32100: 18 characters, the alphabet without I, O, S, V, Z, and the check character. Returns the normalised code. */
export function assertCreditCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  const problem = creditCodeProblem(code);
  if (!problem) return code;
  const messages = {
    length: {
      zh: `统一社会信用代码应为 18 位，当前为 ${code.length} 位`,
      en: `A unified social credit code has 18 characters; this one has ${code.length}`,
    },
    character: {
      zh: `统一社会信用代码含有不允许的字符：${badChars(code)}（只用数字和除 I、O、S、V、Z 以外的大写字母）`,
      en: `The unified social credit code has characters it may not contain: ${badChars(code)} (digits and capital letters except I, O, S, V, Z)`,
    },
    check: {
      zh: '统一社会信用代码校验位不符（GB 32100），请核对是否抄错',
      en: 'The check character of the unified social credit code is wrong (GB 32100); please check for a typo',
    },
  }[problem];
  return fail('CREDIT_CODE_INVALID', messages, { field: 'creditCode', problem });
}

function badChars(code: string): string {
  return [...new Set([...code].filter((c) => !/[0-9ABCDEFGHJKLMNPQRTUWXY]/.test(c)))].join(' ');
}

const FIELD_NAMES: Record<string, string> = {
  hotline: '服务热线',
  supervisionPhone: '监督电话',
  phone: '电话',
};

/** Mobile, landline with area code, or a service number such as 12345. */
export function assertPhone(field: string, value: string): string {
  const phone = value.trim();
  if (isValidPhone(phone)) return phone;
  return fail(
    'PHONE_INVALID',
    {
      zh: `${FIELD_NAMES[field] ?? field}号码无效：${phone}（应为手机号、带区号的固话如 0533-2345678，或 12345 这类服务号码）`,
      en: `Invalid ${field}: ${phone} (a mobile number, a landline with area code such as 0533-2345678, or a service number such as 12345)`,
    },
    { field },
  );
}

/** Optimistic concurrency: the caller edited a version someone else has changed since. */
export function versionConflict(what: { zh: string; en: string }, current: number, sent: number) {
  return appError(
    'VERSION_CONFLICT',
    {
      zh: `${what.zh}已被他人修改（当前版本 ${current}，提交的版本 ${sent}），请刷新后重试`,
      en: `The ${what.en} was changed by someone else (version ${current}, you sent ${sent}); reload and try again`,
    },
    { currentVersion: current, sentVersion: sent },
  );
}

function fail(code: string, messages: { zh: string; en: string }, details?: unknown): never {
  throw appError(code, messages, details);
}

export class EnterpriseService {
  constructor(private readonly ctx: AppContext) {}

  /** The regulator sees every enterprise; everybody else only his own. */
  async list(actor: Actor): Promise<TEnterprise[]> {
    const rows = await repo.listEnterprises(this.ctx.database.db, enterpriseScope(actor));
    return rows.map(toEnterprise);
  }

  async get(actor: Actor, id: string): Promise<TEnterprise> {
    // Another enterprise's id answers as if it did not exist, so ids reveal nothing.
    if (actor.role !== 'regulator' && actor.enterpriseId !== id) throw notFound('enterprise');
    const row = await repo.findEnterprise(this.ctx.database.db, id);
    if (!row) throw notFound('enterprise');
    return toEnterprise(row);
  }

  async create(actor: Actor, input: TEnterpriseInput): Promise<TEnterprise> {
    if (actor.role !== 'regulator') throw forbidden();
    const values = {
      ...input,
      creditCode: assertCreditCode(input.creditCode),
      hotline: assertPhone('hotline', input.hotline),
      supervisionPhone: assertPhone('supervisionPhone', input.supervisionPhone),
    };
    const now = this.ctx.now();
    const row = await this.ctx.database.db.transaction(async (tx) => {
      await this.assertCreditCodeFree(tx, values.creditCode);
      const created = await repo.insertEnterprise(tx, { ...values, createdAt: now, updatedAt: now });
      await appendAudit(tx, {
        actor,
        enterpriseId: created.id,
        action: 'enterprise.create',
        entity: 'enterprise',
        entityId: created.id,
        after: toEnterprise(created),
      });
      return created;
    });
    return toEnterprise(row);
  }

  async update(actor: Actor, id: string, patch: TEnterprisePatch): Promise<TEnterprise> {
    if (actor.role !== 'regulator' && actor.enterpriseId !== id) throw notFound('enterprise');
    assertCanManage(actor, id);
    const { version, ...fields } = patch;
    const touched = REGULATOR_ONLY_FIELDS.filter((f) => fields[f] !== undefined);
    if (actor.role !== 'regulator' && touched.length > 0) {
      throw appError(
        'FORBIDDEN',
        {
          zh: `企业名称、类型和统一社会信用代码只能由主管部门修改（${touched.join('、')}）`,
          en: `Only the regulator changes an enterprise's name, kind and credit code (${touched.join(', ')})`,
        },
        { fields: touched },
      );
    }
    const changes: repo.EnterpriseChanges = { ...fields };
    if (fields.creditCode !== undefined) changes.creditCode = assertCreditCode(fields.creditCode);
    if (fields.hotline !== undefined) changes.hotline = assertPhone('hotline', fields.hotline);
    if (fields.supervisionPhone !== undefined) {
      changes.supervisionPhone = assertPhone('supervisionPhone', fields.supervisionPhone);
    }
    for (const k of Object.keys(changes) as (keyof repo.EnterpriseChanges)[]) {
      if (changes[k] === undefined) delete changes[k];
    }

    const row = await this.ctx.database.db.transaction(async (tx) => {
      const before = await repo.findEnterprise(tx, id, { forUpdate: true });
      if (!before) throw notFound('enterprise');
      if (version !== undefined && version !== before.version)
        throw versionConflict(ENTERPRISE, before.version, version);
      if (
        changes.kind !== undefined &&
        changes.kind !== before.kind &&
        [changes.kind, before.kind].includes('regulator')
      ) {
        throw appError('ENTERPRISE_KIND_LOCKED', {
          zh: '主管部门与企业之间不能互相转换类型',
          en: 'An enterprise cannot become the regulator, nor the regulator an enterprise',
        });
      }
      if (changes.creditCode !== undefined && changes.creditCode !== before.creditCode) {
        await this.assertCreditCodeFree(tx, changes.creditCode);
      }
      if (Object.keys(changes).length === 0) return before;
      const after = await repo.updateEnterprise(tx, id, before.version, changes, this.ctx.now());
      if (!after) throw versionConflict(ENTERPRISE, before.version + 1, before.version);
      await appendAudit(tx, {
        actor,
        enterpriseId: id,
        action: 'enterprise.update',
        entity: 'enterprise',
        entityId: id,
        before: toEnterprise(before),
        after: toEnterprise(after),
      });
      return after;
    });
    return toEnterprise(row);
  }

  private async assertCreditCodeFree(
    tx: Parameters<typeof repo.findEnterpriseByCreditCode>[0],
    code: string,
  ) {
    if (await repo.findEnterpriseByCreditCode(tx, code)) {
      throw appError(
        'DUPLICATE',
        { zh: `统一社会信用代码 ${code} 已登记`, en: `Credit code ${code} is already registered` },
        { field: 'creditCode' },
      );
    }
  }
}
