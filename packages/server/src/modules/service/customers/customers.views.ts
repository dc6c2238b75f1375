import { maskIdCard, maskPhone } from '@ranre/domain';
import { appError } from '../../../core/errors.ts';
import type * as repo from './customers.repository.ts';
import type * as history from './service-history.repository.ts';
import type { TContract, TCustomer, TOpenOrder, TOrderSummary, TPremises } from './customers.schemas.ts';

// Rows → API shapes. Personal data leaves the server masked (G-5.7.6, H-7.6.6.3): lists, search, the 360 view,
// exports and the audit trail alike; only POST /customers/:id/reveal returns it whole, and that is audited.

const num = (v: string | null) => (v === null ? null : Number(v));

export function toCustomer(r: repo.CustomerRow): TCustomer {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    accountNo: r.accountNo,
    kind: r.kind,
    name: r.name,
    idCard: maskIdCard(r.idCard),
    phone: maskPhone(r.phone),
    phone2: maskPhone(r.phone2),
    specialCare: r.specialCare,
    specialCareNote: r.specialCareNote,
    status: r.status,
    address: r.address ?? '',
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toPremises(p: repo.PremisesRow): TPremises {
  return {
    id: p.id,
    customerId: p.customerId,
    district: p.district,
    street: p.street,
    community: p.community,
    building: p.building,
    unit: p.unit,
    floor: p.floor,
    buildingFloors: p.buildingFloors,
    room: p.room,
    address: p.address,
    heatedAreaM2: num(p.heatedAreaM2),
    orientation: p.orientation,
    networkPosition: p.networkPosition,
    unitHeatUseRate: num(p.unitHeatUseRate),
    createdAt: p.createdAt.toISOString(),
  };
}

export function toContract(c: repo.ContractRow): TContract {
  return {
    id: c.id,
    customerId: c.customerId,
    premisesId: c.premisesId,
    contractNo: c.contractNo,
    sector: c.sector,
    signedOn: c.signedOn,
    validFrom: c.validFrom,
    validTo: c.validTo,
    settlementCycle: c.settlementCycle,
    terms: c.terms,
    createdAt: c.createdAt.toISOString(),
  };
}

export function toOrder(o: history.OrderRow): TOrderSummary {
  return {
    id: o.id,
    orderNo: o.orderNo,
    itemCode: o.itemCode,
    state: o.state,
    receivedAt: o.receivedAt.toISOString(),
    nextDueAt: o.nextDueAt ? o.nextDueAt.toISOString() : null,
    breached: o.breached,
    isComplaint: o.isComplaint,
  };
}

/** Open orders soonest due first (those without a due last), each with its clocks. */
export function openOrders(
  orders: TOrderSummary[],
  clocks: Awaited<ReturnType<typeof history.clocksOfOrders>>,
): TOpenOrder[] {
  return orders
    .map((o) => ({
      ...o,
      clocks: clocks
        .filter((c) => c.orderId === o.id)
        .map((c) => ({
          name: c.name,
          clause: c.clause,
          state: c.state,
          dueAt: c.dueAt ? c.dueAt.toISOString() : null,
        })),
    }))
    .sort((a, b) => (a.nextDueAt ?? '~').localeCompare(b.nextDueAt ?? '~'));
}

/** What the audit trail keeps of an account: no search text, personal data masked like everywhere else. */
type AuditedAccount = {
  idCard: string | null;
  phone: string | null;
  phone2: string | null;
  searchText: string;
  searchKey?: string | null;
  createdAt: Date;
  updatedAt: Date;
};
export function auditView<T extends AuditedAccount>(r: T) {
  const { searchText: _s, searchKey: _k, createdAt: _c, updatedAt: _u, ...rest } = r;
  return { ...rest, idCard: maskIdCard(r.idCard), phone: maskPhone(r.phone), phone2: maskPhone(r.phone2) };
}

// ---- search cursors: opaque to the client ----

export function encodeCursor(c: repo.SearchCursor): string {
  return Buffer.from(JSON.stringify([c.accountNo, c.id])).toString('base64url');
}

export function decodeCursor(s: string): repo.SearchCursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      /^[0-9a-f-]{36}$/.test(v[1])
    ) {
      return { accountNo: v[0], id: v[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw appError(
    'VALIDATION_FAILED',
    { zh: '翻页标记无效，请重新查询', en: 'The page cursor is not valid; search again' },
    [{ path: 'querystring.cursor', message: 'invalid cursor' }],
  );
}
