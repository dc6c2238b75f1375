/** Customer archive shapes (server modules/customers/customers.schemas.ts; docs/api.md "Customer archive"). */
import type { CustomerKind, NetworkPosition, PremisesOrientation } from '@ranre/domain';
import { api } from './client.ts';
import type { Id } from './types.ts';

export type { CustomerKind };

export interface Customer {
  id: Id;
  enterpriseId: Id;
  enterpriseName: string;
  accountNo: string;
  kind: CustomerKind;
  name: string;
  /** Masked (370303********1234) everywhere; POST /customers/:id/reveal shows it, audited (G-5.7.6). */
  idCard: string | null;
  phone: string | null;
  phone2: string | null;
  /** G-5.9.9, H-7.6.3.4. */
  specialCare: boolean;
  specialCareNote: string;
  status: 'active' | 'suspended' | 'closed' | string;
  /** The first premises' address. */
  address: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Premises {
  id: Id;
  customerId: Id;
  district: string;
  street: string;
  community: string;
  building: string;
  unit: string;
  floor: number | null;
  buildingFloors: number | null;
  room: string;
  address: string;
  heatedAreaM2: number | null;
  orientation: PremisesOrientation | null;
  networkPosition: NetworkPosition | null;
  unitHeatUseRate: number | null;
  createdAt: string;
}

export interface Contract {
  id: Id;
  customerId: Id;
  premisesId: Id | null;
  contractNo: string;
  sector: 'gas' | 'heating' | string;
  signedOn: string;
  validFrom: string;
  validTo: string | null;
  settlementCycle: string;
  terms: Record<string, unknown>;
  createdAt: string;
}

export interface CustomerOrder {
  id: Id;
  orderNo: string;
  itemCode: string;
  state: string;
  receivedAt: string;
  nextDueAt: string | null;
  breached: boolean;
  isComplaint: boolean;
}

export interface OpenCustomerOrder extends CustomerOrder {
  clocks: { name: string; clause: string; state: string; dueAt: string | null }[];
}

export interface Customer360 {
  account: Customer;
  premises: Premises[];
  contracts: Contract[];
  /** Every work order, visit and complaint of the account, newest first (G-5.8.2). */
  serviceHistory: CustomerOrder[];
  openOrders: OpenCustomerOrder[];
}

export interface Revealed {
  idCard: string | null;
  phone: string | null;
  phone2: string | null;
}

export type PremisesInput = Omit<Premises, 'id' | 'customerId' | 'address' | 'createdAt'>;

export interface ContractInput {
  contractNo: string;
  signedOn: string;
  validFrom: string;
  validTo?: string | null;
  terms: Record<string, unknown>;
}

export interface CustomerCreate {
  accountNo?: string;
  kind: CustomerKind;
  name: string;
  idCard?: string | null;
  phone?: string | null;
  phone2?: string | null;
  specialCare: boolean;
  specialCareNote: string;
  premises: Partial<PremisesInput> & { district: string };
  contract?: ContractInput;
}

export type FileFormat = 'xlsx' | 'csv';

export interface ImportReason {
  code: string;
  column?: string;
  zh: string;
  en: string;
}

export interface ImportResult {
  imported: number;
  rejected: { row: number; reasons: ImportReason[] }[];
  dryRun: boolean;
}

export const customers = {
  search: (q: { q?: string; kind?: string; limit?: number; cursor?: string }) =>
    api.get<{ items: Customer[]; nextCursor: string | null }>('/customers', q),
  get: (id: Id) => api.get<Customer360>(`/customers/${id}`),
  create: (body: CustomerCreate) => api.post<Customer360>('/customers', body),
  reveal: (id: Id, reason: string) => api.post<Revealed>(`/customers/${id}/reveal`, { reason }),
  import: (format: FileFormat, fileBase64: string, dryRun: boolean) =>
    api.post<ImportResult>('/customers/import', { format, fileBase64, dryRun }),
};

/** Files the browser downloads itself (the session cookie goes along). */
export function exportUrl(format: FileFormat, q?: string): string {
  const params = new URLSearchParams({ format });
  if (q) params.set('q', q);
  return `/api/customers/export?${params.toString()}`;
}

export function templateUrl(format: FileFormat): string {
  return `/api/customers/import-template?format=${format}`;
}
