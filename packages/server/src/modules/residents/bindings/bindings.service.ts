import {
  BINDING_MAX_ATTEMPTS,
  BINDING_REQUESTS_PER_HOUR,
  BINDING_CODE_TTL_MINUTES,
  bindingCodeExpiry,
  bindingPhone,
  checkBindingCode,
  maskPhone,
  toShanghaiDate,
} from '@ranre/domain';
import { and, eq } from 'drizzle-orm';
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { notifications, residentBindingRequests, residentCustomers } from '../../../db/schema.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { arrearsOf } from '../../money/ledger/arrears.ts';
import { sectorOfKind } from '../../money/ledger/ledger.service.ts';
import { customerAddress, findEnterprise } from '../../service/workorders/related.repository.ts';
import * as repo from './bindings.repository.ts';
import type { TBindingRequestInput, TBoundAccount } from './bindings.schemas.ts';

// Binding (G-5.8.1, H-7.5.2): account number + holder's name + last four digits of the phone on file, then a
// one-time code sent by SMS (G-5.8.3) to that phone through the outbox. Only the code's hash is stored; it expires
// and allows BINDING_MAX_ATTEMPTS tries. A mismatch is answered without saying which part was wrong (G-5.7.6).

const hashCode = (requestId: string, code: string) =>
  createHash('sha256').update(`${requestId}:${code}`).digest('hex');

const mismatch = () =>
  appError('BINDING_DETAILS_MISMATCH', {
    zh: '户号、户名或预留手机号后四位不符，请核对后再试，或携带身份证到营业厅办理',
    en: 'The account number, name or last four digits of the phone on file do not match; check them or visit a service point',
  });

export class BindingService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async accounts(actor: Actor): Promise<TBoundAccount[]> {
    const today = toShanghaiDate(this.ctx.now());
    const rows = await repo.boundAccounts(this.db, actor);
    return Promise.all(rows.map((a) => this.view(a, today)));
  }

  async view(a: repo.BoundAccount, today: string): Promise<TBoundAccount> {
    const sector = sectorOfKind(a.kind);
    const [arrears] = await arrearsOf(this.db, { customerIds: [a.id], sector }, today);
    return {
      id: a.id,
      enterpriseId: a.enterpriseId,
      enterpriseName: a.enterpriseName,
      enterpriseKind: a.enterpriseKind,
      accountNo: a.accountNo,
      name: a.name,
      kind: a.kind,
      sector,
      address: await customerAddress(this.db, a.id),
      boundAt: a.boundAt.toISOString(),
      balanceFen: arrears?.balanceFen ?? 0,
      outstandingFen: arrears?.outstandingFen ?? 0,
      overdueFen: arrears?.overdueFen ?? 0,
    };
  }

  /** Checks the details and sends the code to the phone on file; a mismatch is recorded and refused. */
  async request(actor: Actor, input: TBindingRequestInput) {
    const now = this.ctx.now();
    if (
      (await repo.requestsSince(this.db, actor.id, new Date(now.getTime() - 3_600_000))) >=
      BINDING_REQUESTS_PER_HOUR
    ) {
      throw appError('RATE_LIMITED', {
        zh: `每小时最多申请 ${BINDING_REQUESTS_PER_HOUR} 次绑定，请稍后再试`,
        en: `At most ${BINDING_REQUESTS_PER_HOUR} binding requests an hour; try again later`,
      });
    }
    // One login binds accounts of any enterprise (gas, heating, bottled gas); the login's own by default.
    const enterpriseId = input.enterpriseId ?? actor.enterpriseId;
    const account = await repo.findAccountByNo(this.db, enterpriseId, input.accountNo);
    const phone = account ? bindingPhone(account, input) : null;
    const enterprise = await findEnterprise(this.db, enterpriseId);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const row = await this.db.transaction(async (tx) => {
      const [req] = await tx
        .insert(residentBindingRequests)
        .values({
          userId: actor.id,
          enterpriseId,
          customerId: phone ? account!.id : null,
          accountNo: input.accountNo,
          status: phone ? 'pending' : 'rejected',
          expiresAt: bindingCodeExpiry(now),
          createdAt: now,
        })
        .returning();
      if (phone) {
        await tx
          .update(residentBindingRequests)
          .set({ codeHash: hashCode(req!.id, code) })
          .where(eq(residentBindingRequests.id, req!.id));
        // The code itself travels only in the message to the phone on file.
        await tx.insert(notifications).values({
          enterpriseId,
          customerId: account!.id,
          channel: 'sms',
          kind: 'binding_code',
          recipient: phone,
          subject: '绑定验证码',
          body: `【${enterprise?.name ?? ''}】您正在网上绑定户号 ${input.accountNo}，验证码 ${code}，${BINDING_CODE_TTL_MINUTES} 分钟内有效。如非本人操作请忽略。`,
          bodyEn: `Your code to bind account ${input.accountNo} is ${code}, valid for ${BINDING_CODE_TTL_MINUTES} minutes.`,
          refType: 'resident_binding_request',
          refId: req!.id,
          dedupeKey: `binding:${req!.id}`,
          createdAt: now,
        });
      }
      await appendAudit(tx, {
        actor,
        enterpriseId,
        action: phone ? 'resident_binding.code_sent' : 'resident_binding.rejected',
        entity: 'resident_binding_request',
        entityId: req!.id,
        after: { accountNo: input.accountNo, customerId: req!.customerId },
      });
      return req!;
    });
    if (!phone) throw mismatch();
    return {
      id: row.id,
      sentTo: maskPhone(phone) ?? '',
      expiresAt: row.expiresAt.toISOString(),
      maxAttempts: BINDING_MAX_ATTEMPTS,
      ...(this.ctx.config.isDemo ? { demoCode: code } : {}),
    };
  }

  /** The code confirms the binding; a wrong one counts a try (committed even though the call fails). */
  async confirm(actor: Actor, requestId: string, code: string): Promise<TBoundAccount> {
    const now = this.ctx.now();
    const outcome = await this.db.transaction(async (tx) => {
      const req = await repo.findRequest(tx, requestId, actor.id);
      if (!req || !req.customerId || !req.codeHash) return 'spent' as const;
      const given = Buffer.from(hashCode(req.id, code));
      const matches = timingSafeEqual(given, Buffer.from(req.codeHash));
      const verdict = checkBindingCode(
        { expiresAt: req.expiresAt, attempts: req.attempts, status: req.status as 'pending' },
        matches,
        now,
      );
      if (verdict === 'wrong') {
        const attempts = req.attempts + 1;
        await tx
          .update(residentBindingRequests)
          .set({ attempts, status: attempts >= BINDING_MAX_ATTEMPTS ? 'failed' : 'pending' })
          .where(eq(residentBindingRequests.id, req.id));
        return { wrong: BINDING_MAX_ATTEMPTS - attempts };
      }
      if (verdict !== 'ok') return verdict;
      await tx
        .update(residentBindingRequests)
        .set({ status: 'verified', verifiedAt: now, attempts: req.attempts + 1 })
        .where(eq(residentBindingRequests.id, req.id));
      await tx
        .insert(residentCustomers)
        .values({
          userId: actor.id,
          customerId: req.customerId,
          enterpriseId: req.enterpriseId,
          requestId: req.id,
          createdAt: now,
        })
        .onConflictDoNothing();
      await appendAudit(tx, {
        actor,
        enterpriseId: req.enterpriseId,
        action: 'resident_binding.bind',
        entity: 'customer',
        entityId: req.customerId,
        after: { userId: actor.id, requestId: req.id },
      });
      return { bound: req.customerId };
    });
    if (outcome === 'expired') {
      throw appError('BINDING_CODE_EXPIRED', {
        zh: '验证码已过期，请重新获取',
        en: 'The code has expired; ask for a new one',
      });
    }
    if (outcome === 'spent') {
      throw appError('BINDING_CODE_SPENT', {
        zh: '该验证码已失效（已使用或错误次数过多），请重新获取',
        en: 'This code can no longer be used (used, or too many wrong tries); ask for a new one',
      });
    }
    if ('wrong' in outcome) {
      throw appError(
        'BINDING_CODE_WRONG',
        {
          zh: `验证码不正确，还可尝试 ${outcome.wrong} 次`,
          en: `Wrong code; ${outcome.wrong} tries left`,
        },
        { triesLeft: outcome.wrong },
      );
    }
    return this.view(await repo.requireBound(this.db, actor, outcome.bound), toShanghaiDate(now));
  }

  async unbind(actor: Actor, customerId: string): Promise<void> {
    const account = await repo.requireBound(this.db, actor, customerId);
    await this.db.transaction(async (tx) => {
      await tx
        .delete(residentCustomers)
        .where(and(eq(residentCustomers.userId, actor.id), eq(residentCustomers.customerId, customerId)));
      await appendAudit(tx, {
        actor,
        enterpriseId: account.enterpriseId,
        action: 'resident_binding.unbind',
        entity: 'customer',
        entityId: customerId,
        before: { userId: actor.id },
      });
    });
  }
}
