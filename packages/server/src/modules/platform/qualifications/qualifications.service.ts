import { catalogueFor, isCatalogueCode } from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findEnterprise } from '../../service/workorders/related.repository.ts';
import * as repo from './qualifications.repository.ts';

// G-5.6.1, G-9.2.2: the enterprise declares, per job (catalogue item), the certificates a person must hold to be
// sent to it — the Shandong gas practitioner certificate for appliance work, say. Dispatch reads them
// (`jobRequirementsOf`); an item with none declared keeps the expiry check alone.

export class QualificationService {
  constructor(private readonly ctx: AppContext) {}

  async list(actor: Actor) {
    const rows = await repo.listRequirements(this.ctx.database.db, actor.enterpriseId);
    const byItem = new Map<string, string[]>();
    for (const r of rows) byItem.set(r.itemCode, [...(byItem.get(r.itemCode) ?? []), r.certificateName]);
    return { items: [...byItem].map(([itemCode, certificates]) => ({ itemCode, certificates })) };
  }

  async declare(actor: Actor, itemCode: string, certificates: readonly string[]) {
    const db = this.ctx.database.db;
    const enterprise = await findEnterprise(db, actor.enterpriseId);
    const offered = enterprise ? catalogueFor(enterprise.kind as never).map((i) => i.code) : [];
    if (!isCatalogueCode(itemCode) || !offered.includes(itemCode)) {
      throw appError('ITEM_UNKNOWN', {
        zh: `本企业的服务目录中没有 ${itemCode}`,
        en: `${itemCode} is not in this enterprise's service catalogue`,
      });
    }
    const names = [...new Set(certificates)];
    await db.transaction(async (tx) => {
      const before = await repo.replaceRequirements(
        tx,
        actor.enterpriseId,
        itemCode,
        names,
        actor.id,
        this.ctx.now(),
      );
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'qualification_requirement.set',
        entity: 'catalogue_item',
        entityId: itemCode,
        before: { certificates: before },
        after: { certificates: names },
      });
    });
    return { itemCode, certificates: names };
  }
}
