import {
  GAS_TYPE_NAMES,
  addressGasType,
  formatShanghai,
  gasTypeMismatch,
  maskName,
  maskPhone,
  missingHandover,
  SALE_HANDOVER,
  toShanghaiDate,
  type ApplianceGasType,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { assertCanManage, enterpriseScope } from '../../../core/scope.ts';
import { nextDocumentNo } from '../../../db/document-numbers.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { fieldError } from '../../service/workorders/order-write.ts';
import { findEnterprise } from '../../service/workorders/related.repository.ts';
import * as repo from './appliance-sales.repository.ts';
import { renderSaleReceiptPdf } from './sale-receipt.pdf.ts';
import type { TModelInput, TSaleInput } from './appliance-sales.schemas.ts';

// G-9.1.1–G-9.1.3: the seller's catalogue and the sale at the counter. The gas at the customer's address decides
// what may be sold: LPG for a bottled-gas customer; for pipeline gas, the gas of the network serving the community
// as the pipeline companies declare it on their regulating stations (G-6.2.15). An appliance for another gas, a
// community no pipeline company declares, or a sale without the five things the customer takes home is refused
// with the reason. G-9.2.9: the catalogue binds no one; installation is offered whatever the brand.

const toModel = (m: repo.ModelRow) => ({
  id: m.id,
  category: m.category,
  brand: m.brand,
  model: m.model,
  gasType: m.gasType as ApplianceGasType,
  certificateNo: m.certificateNo,
  warrantyMonths: m.warrantyMonths,
  warrantyTerms: m.warrantyTerms,
  priceFen: m.priceFen,
  active: m.active,
});

type SaleRow = Awaited<ReturnType<typeof repo.listSales>>[number];

function toSale({ s, soldBy }: SaleRow, masked: boolean) {
  return {
    id: s.id,
    saleNo: s.saleNo,
    brand: s.brand,
    model: s.model,
    gasType: s.gasType,
    certificateNo: s.certificateNo,
    warrantyMonths: s.warrantyMonths,
    unitFen: s.unitFen,
    quantity: s.quantity,
    totalFen: s.totalFen,
    customerName: masked ? maskName(s.customerName) : s.customerName,
    customerPhone: masked ? (maskPhone(s.customerPhone) ?? '') : s.customerPhone,
    address: masked ? '***' : s.address,
    supply: s.supply,
    community: s.community,
    addressGasType: s.addressGasType,
    gasTypeSource: s.gasTypeSource,
    handedOver: s.handedOver,
    soldBy: soldBy ?? '',
    soldAt: s.soldAt.toISOString(),
  };
}

export class ApplianceSaleService {
  constructor(private readonly ctx: AppContext) {}

  async models(actor: Actor, all: boolean) {
    const rows = await repo.listModels(this.ctx.database.db, enterpriseScope(actor), all);
    return { items: rows.map(toModel) };
  }

  async addModel(actor: Actor, input: TModelInput) {
    assertCanManage(actor, actor.enterpriseId);
    const now = this.ctx.now();
    return this.ctx.database.db.transaction(async (tx) => {
      const row = await repo.insertModel(tx, {
        ...input,
        enterpriseId: actor.enterpriseId,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      if (!row) {
        throw appError('MODEL_EXISTS', {
          zh: `${input.brand} ${input.model}（该气种）已在目录中`,
          en: `${input.brand} ${input.model} for this gas is already in the catalogue`,
        });
      }
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'appliance_model.create',
        entity: 'appliance_model',
        entityId: row.id,
        after: toModel(row),
      });
      return toModel(row);
    });
  }

  async changeModel(actor: Actor, id: string, patch: Partial<TModelInput> & { active?: boolean }) {
    return this.ctx.database.db.transaction(async (tx) => {
      const before = await repo.findModel(tx, id);
      if (!before || before.enterpriseId !== actor.enterpriseId) throw notFound('appliance model');
      assertCanManage(actor, before.enterpriseId);
      const row = await repo.updateModel(tx, id, { ...patch, updatedAt: this.ctx.now() });
      await appendAudit(tx, {
        actor,
        enterpriseId: row.enterpriseId,
        action: 'appliance_model.update',
        entity: 'appliance_model',
        entityId: id,
        before: toModel(before),
        after: toModel(row),
      });
      return toModel(row);
    });
  }

  async gasAreas() {
    return { items: await repo.gasAreas(this.ctx.database.db) };
  }

  async sales(actor: Actor) {
    const rows = await repo.listSales(this.ctx.database.db, enterpriseScope(actor));
    return { items: rows.map((r) => toSale(r, actor.role === 'regulator')) };
  }

  async sell(actor: Actor, input: TSaleInput) {
    const db = this.ctx.database.db;
    const model = await repo.findModel(db, input.modelId);
    if (!model || model.enterpriseId !== actor.enterpriseId) throw notFound('appliance model');
    if (!model.active) {
      fieldError('MODEL_WITHDRAWN', 'modelId', {
        zh: `${model.brand} ${model.model} 已下架，不能销售`,
        en: `${model.brand} ${model.model} has been withdrawn from sale`,
      });
    }
    const missing = missingHandover(input.handedOver);
    if (missing.length > 0) {
      const names = SALE_HANDOVER.filter((h) => missing.includes(h.key));
      fieldError(
        'HANDOVER_MISSING',
        'handedOver',
        {
          zh: `销售燃气具须同时向用户出具：${names.map((h) => h.zh).join('、')}（G-9.1.3）`,
          en: `A sale hands the customer: ${names.map((h) => h.en).join(', ')} (G-9.1.3)`,
        },
        { missing, clause: 'G-9.1.3' },
      );
    }
    if (input.supply === 'pipeline' && input.community === '') {
      fieldError('COMMUNITY_REQUIRED', 'community', {
        zh: '管道燃气用户须选择所在小区，以确定所用气种',
        en: 'A pipeline gas customer’s community decides the gas type; choose it',
      });
    }
    const networks = input.supply === 'pipeline' ? await repo.gasAreas(db, input.community) : [];
    const gas = addressGasType(
      input.supply,
      networks.map((n) => n.gasType),
    );
    if (!gas) {
      fieldError('GAS_TYPE_UNKNOWN', 'community', {
        zh: `没有管道燃气企业申报小区“${input.community}”的供气气种，无法确认用户地址所用气种，暂不能销售；请向供气企业核实`,
        en: `No pipeline company declares the gas of community “${input.community}”; the address's gas type is unknown, so no sale — check with the gas company`,
      });
    }
    const mismatch = gasTypeMismatch(model.gasType, gas.gasType);
    if (mismatch) {
      fieldError('GAS_TYPE_MISMATCH', 'modelId', mismatch, {
        clause: 'G-9.1.3',
        applianceGasType: model.gasType,
        addressGasType: gas.gasType,
      });
    }
    const now = this.ctx.now();
    const prefix = `XS${toShanghaiDate(now).replaceAll('-', '')}-`;
    const id = await db.transaction(async (tx) => {
      const row = await repo.insertSale(tx, {
        enterpriseId: actor.enterpriseId,
        saleNo: await nextDocumentNo(tx, actor.enterpriseId, prefix),
        modelId: model.id,
        brand: model.brand,
        model: model.model,
        gasType: model.gasType,
        certificateNo: model.certificateNo,
        warrantyMonths: model.warrantyMonths,
        unitFen: model.priceFen,
        quantity: input.quantity,
        totalFen: model.priceFen * input.quantity,
        customerName: input.customerName,
        customerPhone: input.customerPhone,
        address: input.address,
        supply: input.supply,
        community: input.community,
        addressGasType: gas.gasType,
        gasTypeSource: gas.source,
        handedOver: [...new Set(input.handedOver)],
        soldBy: actor.id,
        soldAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'appliance_sale.create',
        entity: 'appliance_sale',
        entityId: row.id,
        after: { saleNo: row.saleNo, modelId: model.id, totalFen: row.totalFen, addressGasType: gas.gasType },
      });
      return row.id;
    });
    const [sale] = (await repo.listSales(db, actor.enterpriseId)).filter((r) => r.s.id === id);
    return toSale(sale!, false);
  }

  /**
   * G-9.1.3: the sale's receipt, rendered from the sale as recorded — a sale is never changed, so every print is the
   * same document. The regulator reads it with the customer masked, as in the list.
   */
  async receipt(actor: Actor, id: string) {
    const db = this.ctx.database.db;
    const [row] = await repo.findSale(db, id, enterpriseScope(actor));
    if (!row) throw notFound('appliance sale');
    const sale = toSale(row, actor.role === 'regulator');
    const enterprise = await findEnterprise(db, row.s.enterpriseId);
    const gas = (g: string) => GAS_TYPE_NAMES[g as ApplianceGasType]?.zh ?? g;
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const body = await renderSaleReceiptPdf({
      company: enterprise?.name ?? '',
      creditCode: enterprise?.creditCode ?? '',
      saleNo: sale.saleNo,
      soldAt: formatShanghai(row.s.soldAt),
      customer: sale.customerName,
      phone: sale.customerPhone,
      address: sale.address,
      appliance: `${sale.brand} ${sale.model}`,
      gasType: gas(sale.gasType),
      addressGasType: gas(sale.addressGasType),
      certificateNo: sale.certificateNo,
      quantity: sale.quantity,
      unitYuan: yuan(sale.unitFen),
      totalYuan: yuan(sale.totalFen),
      warranty: `整机保修 ${sale.warrantyMonths} 个月（自 ${formatShanghai(row.s.soldAt).slice(0, 10)} 起）/ ${sale.warrantyMonths} months`,
      handedOver: SALE_HANDOVER.filter((h) => sale.handedOver.includes(h.key))
        .map((h) => h.zh)
        .join('、'),
      soldBy: sale.soldBy,
      servicePhone: enterprise?.hotline ?? '',
      supervisionPhone: enterprise?.supervisionPhone ?? '',
    });
    return { body, fileName: `receipt-${sale.saleNo}.pdf` };
  }
}
