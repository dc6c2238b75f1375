import { CONSENT_GATED_EVENTS, CONSENT_ITEMS, consentProblem, type WorkOrderEvent } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import { fieldError } from '../../service/workorders/order-write.ts';
import { hazardOfRepairOrder } from '../hazards/hazards.repository.ts';
import { latestConsent } from './repair-consents.repository.ts';

/** Appliance items, and the repair of a hazard the customer asked the company to do (G-5.11.7). */
export async function consentNeeded(db: Db, row: { id: string; itemCode: string }): Promise<boolean> {
  if (CONSENT_ITEMS.includes(row.itemCode)) return true;
  return row.itemCode === 'gas_repair' && (await hazardOfRepairOrder(db, row.id)) !== null;
}

// G-9.2.6: the gate the work-order event transaction passes through, like the supply gate of a gas connection:
// appliance work starts and completes only on the customer's signed consent to the price list.

/** Throws CONSENT_REQUIRED when `event` needs a signed consent this order does not have. */
export async function checkConsent(tx: Db, row: { id: string; itemCode: string }, event: WorkOrderEvent) {
  if (!CONSENT_GATED_EVENTS.includes(event.type) || !(await consentNeeded(tx, row))) return;
  const signed = (await latestConsent(tx, row.id)) !== null;
  const problem = consentProblem(row.itemCode, event.type, signed, true);
  if (problem) fieldError('CONSENT_REQUIRED', 'consent', problem, { clause: 'G-9.2.6' });
}

/** For the order view: whether the work waits for the consent. */
export async function consentMissing(db: Db, row: { id: string; itemCode: string }): Promise<boolean> {
  return (await consentNeeded(db, row)) && (await latestConsent(db, row.id)) === null;
}
