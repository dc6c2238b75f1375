import { toShanghaiDate, vehicleFillAmountFen, vehicleReceiptNo } from '@ranre/domain';
import type { z } from 'zod';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound, pgCode } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { assertVehicleGas } from '../vehicles/vehicles.service.ts';
import * as repo from './vehicle-fill-receipts.repository.ts';
import { renderVehicleReceiptPdf } from './vehicle-fill-receipt.pdf.ts';
import type { ZReceiptInput, ZVehicleFillReceipt } from './vehicle-fill-receipts.schemas.ts';

// G-8.1.3: the fee of each fill is receipted once: the receipt is a document (its row is never changed, the database
// refuses it) and its PDF, printable from the attendant's page, is drawn from that row alone.

type TReceipt = z.infer<typeof ZVehicleFillReceipt>;

export class VehicleFillReceiptService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async issue(actor: Actor, fillId: string, input: z.infer<typeof ZReceiptInput>): Promise<TReceipt> {
    assertVehicleGas(actor);
    const now = this.ctx.now();
    try {
      await this.db.transaction(async (tx) => {
        const fill = await repo.fillById(tx, fillId, actor.enterpriseId);
        if (!fill) throw notFound('fill');
        const row = await repo.insertReceipt(tx, {
          enterpriseId: actor.enterpriseId,
          fillId: fill.id,
          receiptNo: vehicleReceiptNo(toShanghaiDate(fill.filledAt), fill.id),
          unitPriceFen: input.unitPriceFen,
          quantityMilli: fill.quantityMilli,
          unit: fill.unit,
          amountFen: vehicleFillAmountFen(fill.quantityMilli, input.unitPriceFen),
          paymentMethod: input.paymentMethod,
          issuedBy: actor.id,
          issuedByName: actor.displayName,
          issuedAt: now,
        });
        await appendAudit(tx, {
          actor,
          enterpriseId: actor.enterpriseId,
          action: 'vehicle_fill_receipt.issue',
          entity: 'vehicle_fill_receipt',
          entityId: row.id,
          after: { fillId: fill.id, receiptNo: row.receiptNo, amountFen: row.amountFen },
        });
      });
    } catch (err) {
      if (pgCode(err) === '23505') throw alreadyIssued();
      throw err;
    }
    return this.one(actor, fillId);
  }

  async one(actor: Actor, fillId: string): Promise<TReceipt> {
    assertVehicleGas(actor);
    const row = await repo.receiptOfFill(this.db, fillId, actor.enterpriseId);
    if (!row) throw notFound('receipt');
    const { r, f } = row;
    return {
      id: r.id,
      fillId: r.fillId,
      receiptNo: r.receiptNo,
      station: f.station,
      dispenserNo: f.dispenserNo,
      plate: f.plate,
      medium: f.medium,
      quantity: r.quantityMilli / 1000,
      unit: r.unit,
      unitPriceFen: r.unitPriceFen,
      amountFen: r.amountFen,
      paymentMethod: r.paymentMethod as TReceipt['paymentMethod'],
      issuedByName: r.issuedByName,
      filledAt: f.filledAt.toISOString(),
      issuedAt: r.issuedAt.toISOString(),
    };
  }

  async pdf(actor: Actor, fillId: string) {
    assertVehicleGas(actor);
    const row = await repo.receiptOfFill(this.db, fillId, actor.enterpriseId);
    if (!row) throw notFound('receipt');
    const { r, f } = row;
    const body = await renderVehicleReceiptPdf({
      company: row.company,
      creditCode: row.creditCode,
      receiptNo: r.receiptNo,
      station: f.station,
      dispenserNo: f.dispenserNo,
      plate: f.plate,
      medium: f.medium,
      quantityMilli: r.quantityMilli,
      unit: r.unit,
      unitPriceFen: r.unitPriceFen,
      amountFen: r.amountFen,
      paymentMethod: r.paymentMethod,
      attendant: r.issuedByName,
      filledAt: f.filledAt,
      issuedAt: r.issuedAt,
      hotline: row.hotline,
      supervisionPhone: row.supervisionPhone,
    });
    return { body, fileName: `${r.receiptNo}.pdf` };
  }
}

function alreadyIssued() {
  return appError('VEHICLE_FILL_RECEIPT_ISSUED', {
    zh: '这次加气已开具收费凭证，可重新打印，不能重复开具',
    en: 'This fill’s receipt is already issued: print it again, it is not issued twice',
  });
}
