import {
  BINDING_CODE_TTL_MINUTES,
  BINDING_MAX_ATTEMPTS,
  SIGNUP_CODES_PER_PHONE_PER_HOUR,
  bindingCodeExpiry,
  checkBindingCode,
  maskPhone,
} from '@ranre/domain';
import { and, count, eq, gte } from 'drizzle-orm';
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { notifications, residentSignups } from '../../../db/schema.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { assertPasswordPolicy, hashPassword } from '../../platform/auth/passwords.ts';
import { insertUser, usernameTaken } from '../../platform/users/users.repository.ts';
import { serviceEnterprise } from '../public-info/public-info.repository.ts';

// A resident signs himself up (G-5.8.1, H-7.5.2): his mobile is his login name, proved by a one-time code sent to it
// through the SMS outbox (G-5.8.3). A mobile that already has a login gets a message saying so instead of a code, and
// the caller is answered the same, so the sign-up never tells who is registered. The login has no account yet:
// accounts are bound afterwards, each by its own check (bindings).

type Outcome = { username: string } | { fail: 'wrong'; left: number } | { fail: 'expired' | 'spent' };

const hashCode = (id: string, code: string) =>
  createHash('sha256').update(`signup:${id}:${code}`).digest('hex');

export class SignupService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async request(input: { enterpriseId: string; phone: string }) {
    const now = this.ctx.now();
    const enterprise = await serviceEnterprise(this.db, input.enterpriseId);
    if (!enterprise) throw notFound('enterprise');
    const [sent] = await this.db
      .select({ n: count() })
      .from(residentSignups)
      .where(
        and(
          eq(residentSignups.phone, input.phone),
          gte(residentSignups.createdAt, new Date(now.getTime() - 3_600_000)),
        ),
      );
    if (Number(sent?.n ?? 0) >= SIGNUP_CODES_PER_PHONE_PER_HOUR) {
      throw appError('RATE_LIMITED', {
        zh: `同一手机号每小时最多获取 ${SIGNUP_CODES_PER_PHONE_PER_HOUR} 次验证码，请稍后再试`,
        en: `At most ${SIGNUP_CODES_PER_PHONE_PER_HOUR} codes an hour for one phone; try again later`,
      });
    }
    const taken = await usernameTaken(this.db, input.phone);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const row = await this.db.transaction(async (tx) => {
      const [r] = await tx
        .insert(residentSignups)
        .values({
          enterpriseId: enterprise.id,
          phone: input.phone,
          status: taken ? 'registered' : 'pending',
          expiresAt: bindingCodeExpiry(now),
          createdAt: now,
        })
        .returning();
      if (!taken) {
        await tx
          .update(residentSignups)
          .set({ codeHash: hashCode(r!.id, code) })
          .where(eq(residentSignups.id, r!.id));
      }
      await tx.insert(notifications).values({
        enterpriseId: enterprise.id,
        channel: 'sms',
        kind: 'signup_code',
        recipient: input.phone,
        subject: '注册验证码',
        body: taken
          ? `【${enterprise.name}】该手机号已注册，请直接登录；如忘记密码请联系 ${enterprise.hotline}。`
          : `【${enterprise.name}】您正在注册网上服务，验证码 ${code}，${BINDING_CODE_TTL_MINUTES} 分钟内有效。如非本人操作请忽略。`,
        bodyEn: taken
          ? 'This phone is already registered; sign in.'
          : `Your sign-up code is ${code}, valid for ${BINDING_CODE_TTL_MINUTES} minutes.`,
        refType: 'resident_signup',
        refId: r!.id,
        dedupeKey: `signup:${r!.id}`,
        createdAt: now,
      });
      return r!;
    });
    return {
      id: row.id,
      sentTo: maskPhone(input.phone) ?? '',
      expiresAt: row.expiresAt.toISOString(),
      ...(this.ctx.config.isDemo && !taken ? { demoCode: code } : {}),
    };
  }

  /** The code proves the phone; the login is made with the resident role in the chosen enterprise. */
  async confirm(id: string, input: { code: string; displayName: string; password: string }) {
    // The password is checked first, so a weak one does not spend a try of the code.
    assertPasswordPolicy(input.password, { demo: this.ctx.config.isDemo });
    const passwordHash = await hashPassword(input.password);
    const now = this.ctx.now();
    const outcome = await this.db.transaction(async (tx): Promise<Outcome> => {
      const [r] = await tx.select().from(residentSignups).where(eq(residentSignups.id, id)).for('update');
      if (!r || !r.codeHash) return { fail: 'spent' };
      const matches = timingSafeEqual(Buffer.from(hashCode(r.id, input.code)), Buffer.from(r.codeHash));
      const verdict = checkBindingCode(
        { expiresAt: r.expiresAt, attempts: r.attempts, status: r.status as 'pending' },
        matches,
        now,
      );
      if (verdict === 'wrong') {
        const attempts = r.attempts + 1;
        await tx
          .update(residentSignups)
          .set({ attempts, status: attempts >= BINDING_MAX_ATTEMPTS ? 'failed' : 'pending' })
          .where(eq(residentSignups.id, r.id));
        return { fail: 'wrong', left: BINDING_MAX_ATTEMPTS - attempts };
      }
      if (verdict !== 'ok') return { fail: verdict };
      if (await usernameTaken(tx, r.phone)) return { fail: 'spent' };
      const userId = await insertUser(tx, {
        enterpriseId: r.enterpriseId,
        username: r.phone,
        displayName: input.displayName,
        role: 'resident',
        passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      await tx
        .update(residentSignups)
        .set({ status: 'verified', userId, attempts: r.attempts + 1 })
        .where(eq(residentSignups.id, r.id));
      await appendAudit(tx, {
        actor: { id: userId, displayName: input.displayName },
        enterpriseId: r.enterpriseId,
        action: 'user.sign_up',
        entity: 'user',
        entityId: userId,
        after: { username: r.phone, role: 'resident', signupId: r.id },
      });
      return { username: r.phone };
    });
    if ('username' in outcome) return { username: outcome.username };
    if (outcome.fail === 'wrong') {
      throw appError(
        'BINDING_CODE_WRONG',
        { zh: `验证码不正确，还可尝试 ${outcome.left} 次`, en: `Wrong code; ${outcome.left} tries left` },
        { triesLeft: outcome.left },
      );
    }
    if (outcome.fail === 'expired') {
      throw appError('BINDING_CODE_EXPIRED', {
        zh: '验证码已过期，请重新获取',
        en: 'The code has expired; ask for a new one',
      });
    }
    throw appError('BINDING_CODE_SPENT', {
      zh: '该验证码已失效，请重新获取',
      en: 'This code can no longer be used; ask for a new one',
    });
  }
}
