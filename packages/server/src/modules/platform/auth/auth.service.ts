import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../../core/context.ts';
import type { Actor, Role } from '../../../core/actor.ts';
import { appError } from '../../../core/errors.ts';
import { toShanghaiIso } from '../../../core/format.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import * as repo from './auth.repository.ts';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// A hash to verify against when the user does not exist, so timing does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword('ranre-no-such-user'));

const invalid = () => appError('AUTH_INVALID', { zh: '用户名或密码错误', en: 'Wrong username or password' });

export function toActor(u: NonNullable<repo.UserRow>): Actor {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    enterpriseId: u.enterpriseId,
    enterpriseName: u.enterpriseName,
    enterpriseKind: u.enterpriseKind,
  };
}

export class AuthService {
  constructor(private readonly ctx: AppContext) {}

  /** Checks the password; after too many failures the account is locked for a while. Returns a session token. */
  async login(username: string, password: string): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
    const { db } = this.ctx.database;
    const { loginMaxFailures, loginLockMinutes, sessionTtlHours } = this.ctx.config;
    const now = this.ctx.now();
    const user = await repo.findUserByUsername(db, username);
    if (!user || !user.active) {
      await verifyPassword(await getDummyHash(), password);
      throw invalid();
    }
    if (user.lockedUntil && user.lockedUntil > now) throw locked(user.lockedUntil);
    if (!(await verifyPassword(user.passwordHash, password))) {
      const failures = user.failedLogins + 1;
      const lockUntil =
        failures >= loginMaxFailures ? new Date(now.getTime() + loginLockMinutes * 60_000) : null;
      await db.transaction(async (tx) => {
        await repo.recordLoginFailure(tx, user.id, lockUntil ? 0 : failures, lockUntil);
        if (lockUntil) {
          await appendAudit(tx, {
            actor: null,
            enterpriseId: user.enterpriseId,
            action: 'user.locked',
            entity: 'user',
            entityId: user.id,
            after: { lockedUntil: lockUntil.toISOString(), failures },
          });
        }
      });
      if (lockUntil) throw locked(lockUntil);
      throw invalid();
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + sessionTtlHours * 3_600_000);
    const actor = toActor(user);
    await db.transaction(async (tx) => {
      await repo.recordLoginSuccess(tx, user.id);
      await repo.insertSession(tx, sha256(token), user.id, expiresAt);
      await appendAudit(tx, {
        actor,
        enterpriseId: user.enterpriseId,
        action: 'user.login',
        entity: 'user',
        entityId: user.id,
      });
    });
    return { token, actor, expiresAt };
  }

  /** The actor behind a session token, or null when it is unknown, expired, or its user was deactivated. */
  async resolve(token: string | undefined): Promise<Actor | null> {
    if (!token) return null;
    const { db } = this.ctx.database;
    const session = await repo.findSession(db, sha256(token));
    if (!session || session.expiresAt <= this.ctx.now()) return null;
    const user = await repo.findUserById(db, session.userId);
    return user && user.active ? toActor(user) : null;
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await repo.deleteSession(this.ctx.database.db, sha256(token));
  }

  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const { db } = this.ctx.database;
    const user = await repo.findUserById(db, actor.id);
    if (!user || !(await verifyPassword(user.passwordHash, current))) {
      throw appError('AUTH_INVALID', { zh: '当前密码不正确', en: 'The current password is wrong' });
    }
    assertPasswordPolicy(next);
    const hashed = await hashPassword(next);
    await db.transaction(async (tx) => {
      await repo.setPasswordHash(tx, actor.id, hashed, this.ctx.now());
      await repo.deleteSessionsOfUser(tx, actor.id);
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'user.password',
        entity: 'user',
        entityId: actor.id,
      });
    });
  }
}

function locked(until: Date) {
  return appError(
    'AUTH_LOCKED',
    {
      zh: `登录失败次数过多，账号已锁定至 ${toShanghaiIso(until).replace('T', ' ').slice(0, 16)}（北京时间）`,
      en: `Too many failed sign-ins; the account is locked until ${toShanghaiIso(until).replace('T', ' ').slice(0, 16)} (Beijing time)`,
    },
    { lockedUntil: until.toISOString() },
  );
}
