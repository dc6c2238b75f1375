import { maskAddress, maskName, maskPhone } from '@ranre/domain';
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { residentCustomers, workOrderEvents, workOrders } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';

// Who sees which orders, and whose identity. Enterprise scope as everywhere (the regulator reads all); within
// an enterprise a technician sees the orders assigned to him (or he owns or worked on), a resident his own. The
// identity of a complainant (caller, phone, customer, address) is shown only to those handling the complaint
// (G-5.7.6, H-7.6.6.3): its owner, its assignee, the enterprise's dispatchers and admins.

/** Roles that handle every complaint of their enterprise. */
const HANDLING_ROLES = new Set(['dispatcher', 'enterprise_admin']);

/**
 * A resident's own customer accounts: those bound to his login after the binding check (residents/bindings,
 * G-5.8.1). A phone number alone never makes an account his: a login name is no proof of holding the account.
 */
export function ownCustomerIds(actor: Actor): SQL {
  return sql`(select ${residentCustomers.customerId} from ${residentCustomers}
    where ${residentCustomers.userId} = ${actor.id} and ${residentCustomers.enterpriseId} = ${actor.enterpriseId})`;
}

/** The orders the actor may read, as a condition on work_orders (undefined: all, the regulator). */
export function visibleOrders(actor: Actor, enterpriseId?: string): SQL | undefined {
  if (actor.role === 'regulator') return enterpriseId ? eq(workOrders.enterpriseId, enterpriseId) : undefined;
  const own = eq(workOrders.enterpriseId, actor.enterpriseId);
  switch (actor.role) {
    case 'resident':
      return and(
        own,
        or(eq(workOrders.createdBy, actor.id), sql`${workOrders.customerId} in ${ownCustomerIds(actor)}`),
      );
    case 'technician':
      // His orders: assigned to him, owned by him, or handled by him before (a returned or transferred order
      // stays readable to the technician who worked on it; only the assignee acts).
      return and(
        own,
        or(
          eq(workOrders.assigneeId, actor.id),
          eq(workOrders.ownerId, actor.id),
          sql`exists (select 1 from ${workOrderEvents} e where e.order_id = ${workOrders.id} and e.actor_id = ${actor.id})`,
        ),
      );
    default:
      return own;
  }
}

/** SQL twin of seesIdentity, for searching by caller name or phone without revealing who complained. */
export function identityVisibleSql(actor: Actor): SQL {
  if (actor.role === 'resident') return sql`true`;
  if (actor.role === 'regulator') return sql`${workOrders.isComplaint} = false`;
  const mine = or(eq(workOrders.ownerId, actor.id), eq(workOrders.assigneeId, actor.id))!;
  if (HANDLING_ROLES.has(actor.role)) return sql`true`;
  return or(eq(workOrders.isComplaint, false), mine)!;
}

export interface IdentityFields {
  enterpriseId: string;
  isComplaint: boolean;
  ownerId: string | null;
  assigneeId: string | null;
}

/** Whether the actor handles this order (and so sees a complainant's identity). */
export function handles(actor: Actor, o: IdentityFields): boolean {
  if (actor.role === 'resident') return true; // only his own orders reach him
  if (actor.enterpriseId !== o.enterpriseId) return false;
  if (actor.id === o.ownerId || actor.id === o.assigneeId) return true;
  return HANDLING_ROLES.has(actor.role);
}

/** A complaint's identity is hidden from those not handling it; other orders show who called. */
export function seesIdentity(actor: Actor, o: IdentityFields): boolean {
  return !o.isComplaint || handles(actor, o);
}

/** The full phone number: those handling the order and the enterprise's agents (who call back). */
export function seesPhone(actor: Actor, o: IdentityFields): boolean {
  if (!seesIdentity(actor, o)) return false;
  return handles(actor, o) || (actor.role === 'agent' && actor.enterpriseId === o.enterpriseId);
}

export { maskAddress, maskName, maskPhone };
