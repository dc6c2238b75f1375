import type { Actor, Role } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { assertCanManage, enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.ts';
import { findEnterprise } from '../enterprises/enterprises.repository.ts';
import * as repo from './users.repository.ts';
import type { TUserInput } from './users.schemas.ts';

export type PublicUser = NonNullable<Awaited<ReturnType<typeof repo.findPublicUser>>>;

export class UserService {
  constructor(private readonly ctx: AppContext) {}

  /** An enterprise's admin sees his own enterprise's accounts; the regulator sees all (or one enterprise's). */
  list(actor: Actor, enterpriseId?: string): Promise<PublicUser[]> {
    return repo.listUsers(this.ctx.database.db, enterpriseScope(actor, enterpriseId));
  }

  async create(actor: Actor, input: TUserInput): Promise<PublicUser> {
    const enterpriseId = input.enterpriseId ?? actor.enterpriseId;
    const role = input.role as Role;
    assertCanManage(actor, enterpriseId);
    if (role === 'regulator' && actor.role !== 'regulator') throw forbidden();
    assertPasswordPolicy(input.password, { demo: this.ctx.config.isDemo });
    const { db } = this.ctx.database;

    const enterprise = await findEnterprise(db, enterpriseId);
    if (!enterprise) throw notFound('enterprise');
    // The role regulator belongs to the regulator's own enterprise, and that enterprise holds only regulators.
    const regulatorHome = enterprise.kind === 'regulator' && enterpriseId === actor.enterpriseId;
    if ((role === 'regulator') !== regulatorHome) {
      throw appError(
        'ROLE_NOT_ALLOWED',
        role === 'regulator'
          ? {
              zh: '只有主管部门本单位的账号可以是监管角色',
              en: 'Only accounts of the regulator itself may have the role regulator',
            }
          : {
              zh: `主管部门的账号只能是监管角色，不能是 ${role}`,
              en: `Accounts of the regulator have the role regulator, not ${role}`,
            },
        { field: 'role' },
      );
    }
    if (await repo.usernameTaken(db, input.username)) throw duplicate(input.username);
    if (input.staffId) await this.assertLinkable(enterpriseId, input.staffId, null);

    const passwordHash = await hashPassword(input.password);
    const now = this.ctx.now();
    const id = await db.transaction(async (tx) => {
      const created = await repo.insertUser(tx, {
        enterpriseId,
        username: input.username,
        displayName: input.displayName,
        role,
        staffId: input.staffId ?? null,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId,
        action: 'user.create',
        entity: 'user',
        entityId: created,
        after: {
          id: created,
          username: input.username,
          displayName: input.displayName,
          role,
          enterpriseId,
          staffId: input.staffId ?? null,
        },
      });
      return created;
    });
    return (await repo.findPublicUser(db, id))!;
  }

  /** G-5.6.1: the login's staff record decides whose certificates and badge count; null unlinks. Audited. */
  async linkStaff(actor: Actor, userId: string, staffId: string | null): Promise<PublicUser> {
    const { db } = this.ctx.database;
    const before = await repo.findPublicUser(db, userId);
    if (!before) throw notFound('user');
    assertCanManage(actor, before.enterpriseId);
    if (staffId) await this.assertLinkable(before.enterpriseId, staffId, userId);
    await db.transaction(async (tx) => {
      await repo.setStaffLink(tx, userId, staffId, this.ctx.now());
      await appendAudit(tx, {
        actor,
        enterpriseId: before.enterpriseId,
        action: 'user.staff_link',
        entity: 'user',
        entityId: userId,
        before: { staffId: before.staffId },
        after: { staffId },
      });
    });
    return (await repo.findPublicUser(db, userId))!;
  }

  private async assertLinkable(enterpriseId: string, staffId: string, userId: string | null): Promise<void> {
    const { db } = this.ctx.database;
    if (!(await repo.findLinkableStaff(db, enterpriseId, staffId))) {
      throw appError(
        'STAFF_NOT_LINKABLE',
        {
          zh: '只能关联本单位在职员工的档案',
          en: 'An account can only be linked to an active staff record of its own enterprise',
        },
        { field: 'staffId' },
      );
    }
    const holder = await repo.userLinkedTo(db, staffId);
    if (holder && holder !== userId) {
      throw appError(
        'DUPLICATE',
        { zh: '该员工档案已关联其他账号', en: 'This staff record already belongs to another account' },
        { field: 'staffId' },
      );
    }
  }
}

function duplicate(username: string) {
  return appError(
    'DUPLICATE',
    { zh: `用户名 ${username} 已被使用`, en: `The username ${username} is taken` },
    { field: 'username' },
  );
}
