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

  /**
   * Checks the password; after too many failures the name is locked for a while. Returns a session token.
   * The attempt is counted before the password is checked (one atomic upsert), so a burst of parallel wrong
   * passwords is counted whole and a right password in the same burst is refused once the burst has locked the
   * name. Names that do not exist are counted and locked alike and checked against a dummy hash: the answer and
   * its timing do not tell whether a name exists.
   */
  async login(username: string, password: string): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
    const { db } = this.ctx.database;
    const { loginMaxFailures, loginLockMinutes, sessionTtlHours } = this.ctx.config;
    const now = this.ctx.now();
    const key = usernameKey(username);
    const user = await repo.findUserByUsername(db, username);
    const attempt = await repo.takeLoginAttempt(db, key, now);
    if (attempt.lockedUntil && attempt.lockedUntil > now) throw locked(attempt.lockedUntil);
    const lockUntil = new Date(now.getTime() + loginLockMinutes * 60_000);
    const lock = async () =>
      db.transaction(async (tx) => {
        const res = await repo.lockLogin(tx, key, now, lockUntil);
        if (res.isNew && user) {
          await appendAudit(tx, {
            actor: null,
            enterpriseId: user.enterpriseId,
            action: 'user.locked',
            entity: 'user',
            entityId: user.id,
            after: { lockedUntil: res.lockedUntil.toISOString(), failures: attempt.attempts },
          });
        }
        return locked(res.lockedUntil);
      });
    // More attempts in flight than the limit allows: the burst itself locks the name, unchecked.
    if (attempt.attempts > loginMaxFailures) throw await lock();
    const known = user && user.active ? user : null;
    const ok = await verifyPassword(known ? known.passwordHash : await getDummyHash(), password);
    if (!ok || !known) {
      if (attempt.attempts >= loginMaxFailures) throw await lock();
      throw invalid();
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + sessionTtlHours * 3_600_000);
    const actor = toActor(known);
    const opened = await db.transaction(async (tx) => {
      if (!(await repo.clearLoginAttempts(tx, key, now))) return false;
      await repo.insertSession(tx, sha256(token), known.id, expiresAt);
      await appendAudit(tx, {
        actor,
        enterpriseId: known.enterpriseId,
        action: 'user.login',
        entity: 'user',
        entityId: known.id,
      });
      return true;
    });
    if (!opened) throw locked((await repo.currentLock(db, key)) ?? lockUntil);
    return { token, actor, expiresAt };
  }

  /** The actor behind a session token, or null when it is unknown, expired, or its user was deactivated. */
  async resolve(token: string | undefined): Promise<Actor | null> {
    if (!token) return null;
    const user = await repo.findSessionUser(this.ctx.database.db, sha256(token), this.ctx.now());
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
    assertPasswordPolicy(next, { demo: this.ctx.config.isDemo });
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

/** The key sign-in attempts are counted under: the name as typed, trimmed, NFKC-normalised, lower-cased. */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
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
