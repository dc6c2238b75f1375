import { and, asc, eq, inArray } from 'drizzle-orm';
import type { JobRequirement } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import { qualificationRequirements, staff, users } from '../../../db/schema.ts';

export async function listRequirements(db: Db, enterpriseId: string) {
  return db
    .select()
    .from(qualificationRequirements)
    .where(eq(qualificationRequirements.enterpriseId, enterpriseId))
    .orderBy(asc(qualificationRequirements.itemCode), asc(qualificationRequirements.certificateName));
}

export async function replaceRequirements(
  db: Db,
  enterpriseId: string,
  itemCode: string,
  names: readonly string[],
  by: string,
  at: Date,
) {
  const where = and(
    eq(qualificationRequirements.enterpriseId, enterpriseId),
    eq(qualificationRequirements.itemCode, itemCode),
  );
  const before = await db.select().from(qualificationRequirements).where(where);
  await db.delete(qualificationRequirements).where(where);
  if (names.length > 0) {
    await db.insert(qualificationRequirements).values(
      names.map((certificateName) => ({
        enterpriseId,
        itemCode,
        certificateName,
        createdBy: by,
        createdAt: at,
      })),
    );
  }
  return before.map((r) => r.certificateName);
}

/**
 * G-5.6.1, G-9.2.2: for each login, what the job asks of it — the certificates the enterprise requires for the item
 * and whether the login names an active staff record of the enterprise (whose certificates are the ones that count).
 */
export async function jobRequirementsOf(
  db: Db,
  enterpriseId: string,
  itemCode: string | undefined,
  people: readonly { id: string }[],
): Promise<Map<string, JobRequirement>> {
  const out = new Map<string, JobRequirement>();
  if (people.length === 0) return out;
  const required = itemCode
    ? (
        await db
          .select({ name: qualificationRequirements.certificateName })
          .from(qualificationRequirements)
          .where(
            and(
              eq(qualificationRequirements.enterpriseId, enterpriseId),
              eq(qualificationRequirements.itemCode, itemCode),
            ),
          )
      ).map((r) => r.name)
    : [];
  const linked = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(
      staff,
      and(eq(staff.id, users.staffId), eq(staff.enterpriseId, enterpriseId), eq(staff.active, true)),
    )
    .where(
      inArray(
        users.id,
        people.map((p) => p.id),
      ),
    );
  const ids = new Set(linked.map((r) => r.id));
  for (const p of people) out.set(p.id, { staffLinked: ids.has(p.id), required });
  return out;
}
