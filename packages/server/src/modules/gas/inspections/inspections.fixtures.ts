import { randomUUID } from 'node:crypto';
import { customers, premises } from '../../../db/schema.ts';
import { createUser } from '../../../testing/harness.ts';
import type { OrderWorld } from '../../service/workorders/testing.ts';

// Shared set-up of the inspection tests: a second inspector and a small archive of households in two communities.

export interface Household {
  kind: 'pipeline_urban_resident' | 'pipeline_rural_resident' | 'pipeline_non_resident' | 'heating_resident';
  community: string;
  building: string;
}

export async function addInspector(w: OrderWorld, username: string) {
  w.ids[username] = (await createUser(w.t.database, w.world.gas.id, username, 'inspector')).id;
}

/** Customers of the gas company, each with one premises; returns their ids in order. */
export async function addHouseholds(w: OrderWorld, list: Household[], enterpriseId = w.world.gas.id) {
  const ids: string[] = [];
  for (const [i, h] of list.entries()) {
    const [c] = await w.t.database.db
      .insert(customers)
      .values({
        enterpriseId,
        accountNo: `AJ${randomUUID().slice(0, 8)}${i}`,
        kind: h.kind,
        name: `住户${i}`,
        phone: `1390533${String(1000 + i).padStart(4, '0')}`,
      })
      .returning({ id: customers.id });
    await w.t.database.db.insert(premises).values({
      enterpriseId,
      customerId: c!.id,
      district: '张店区',
      community: h.community,
      building: h.building,
      unit: '1单元',
      room: `${100 + i}室`,
      address: `张店区${h.community}${h.building}1单元${100 + i}室`,
    });
    ids.push(c!.id);
  }
  return ids;
}

/** A record body as the phone sends it. */
export const recordBody = (over: Record<string, unknown>) => ({
  id: randomUUID(),
  checklist: [],
  findings: [],
  note: '',
  ...over,
});
