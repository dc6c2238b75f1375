import {
  CONSENT_ITEMS,
  PAID_REPAIR_ITEMS,
  consentNeeded,
  consentProblem,
  type FacilityOwner,
  type WorkOrderEvent,
} from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import { fieldError } from '../../service/workorders/order-write.ts';
import { hazardOfRepairOrder } from '../hazards/hazards.repository.ts';
import { facilityOwnerOf, latestConsent } from './repair-consents.repository.ts';

// G-9.2.6, H-7.3.8: the gate the work-order event transaction passes through, like the supply gate of a gas
// connection: appliance work, and a gas or heating repair of the customer's own facility, start and complete only on
// the customer's signed consent to the price list.

/** Whose facility the order repairs, for the items where that decides whether the work is paid. */
export async function ownerFor(db: Db, row: { id: string; itemCode: string }): Promise<FacilityOwner | null> {
  if (!PAID_REPAIR_ITEMS.includes(row.itemCode)) return null;
  const stated = await facilityOwnerOf(db, row.id);
  if (stated) return stated;
  return ownerFrom(row.itemCode, null, (await hazardOfRepairOrder(db, row.id)) !== null);
}

/** The same from what is known of the order: the owner stated on it, and whether it repairs a hazard. */
export function ownerFrom(
  itemCode: string,
  stated: FacilityOwner | null,
  repairsHazard: boolean,
): FacilityOwner | null {
  if (!PAID_REPAIR_ITEMS.includes(itemCode)) return null;
  if (stated) return stated;
  // G-5.11.7: the repair of a hazard that the customer asked the company to do is priced work on his own facility.
  return itemCode === 'gas_repair' && repairsHazard ? 'customer' : null;
}

/** Throws CONSENT_REQUIRED when `event` needs a signed consent this order does not have. */
export async function checkConsent(tx: Db, row: { id: string; itemCode: string }, event: WorkOrderEvent) {
  if (!CONSENT_ITEMS.includes(row.itemCode) && !PAID_REPAIR_ITEMS.includes(row.itemCode)) return;
  const owner = await ownerFor(tx, row);
  if (!consentNeeded(row.itemCode, owner)) return;
  const signed = (await latestConsent(tx, row.id)) !== null;
  const problem = consentProblem(row.itemCode, event.type, signed, owner);
  const clause = CONSENT_ITEMS.includes(row.itemCode) ? 'G-9.2.6' : 'H-7.3.8';
  if (problem) fieldError('CONSENT_REQUIRED', 'consent', problem, { clause });
}

/** For the order view: whether the work waits for the consent, from what is known of the order (read beside it
 * in one statement, or nothing yet on a new one). */
export function consentMissingFrom(
  itemCode: string,
  facts: { stated: FacilityOwner | null; repairsHazard: boolean; signed: boolean },
): boolean {
  return consentNeeded(itemCode, ownerFrom(itemCode, facts.stated, facts.repairsHazard)) && !facts.signed;
}
