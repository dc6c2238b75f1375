import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { enterpriseRef, timeOrderedId } from './columns.ts';

/**
 * Customer accounts (G-5.8.2, H-7.5.3): every account belongs to one enterprise. `searchText` holds the normalised
 * name, phones, account number and addresses; the trigram index on `searchKey` serves the agent's search
 * (modules/customers/customers.repository.ts).
 */
export const customers = pgTable(
  'customers',
  {
    id: timeOrderedId(),
    enterpriseId: enterpriseRef(),
    accountNo: text('account_no').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    idCard: text('id_card'),
    phone: text('phone'),
    phone2: text('phone2'),
    /** G-5.9.9, H-7.6.3.4: disabled, elderly, living alone — served at home on request. */
    specialCare: boolean('special_care').notNull().default(false),
    specialCareNote: text('special_care_note').notNull().default(''),
    status: text('status').notNull().default('active'),
    searchText: text('search_text').notNull().default(''),
    /**
     * `searchText` with every non-ASCII character written three times (ranre_search_key, migration 0005), so that a
     * one- or two-character Chinese fragment (a surname, 海涛, 华光) still yields trigrams the index can use. Stored,
     * because re-evaluating the function on each candidate row costs more than the search itself.
     */
    searchKey: text('search_key').generatedAlwaysAs(sql`ranre_search_key(search_text)`),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customers_account_uq').on(t.enterpriseId, t.accountNo),
    // The target of the (enterprise_id, customer_id) keys of documents: a document's enterprise is its customer's.
    uniqueIndex('customers_enterprise_id_uq').on(t.enterpriseId, t.id),
    index('customers_phone_idx').on(t.enterpriseId, t.phone),
    index('customers_phone2_idx').on(t.enterpriseId, t.phone2),
    index('customers_search_key_trgm').using('gin', sql`${t.searchKey} gin_trgm_ops`),
  ],
);

/** Premises down to the room, with what heating bills and samples from (H-5.4.2, H-5.1). */
export const premises = pgTable(
  'premises',
  {
    id: timeOrderedId(),
    enterpriseId: enterpriseRef(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    district: text('district').notNull(),
    street: text('street').notNull().default(''),
    community: text('community').notNull().default(''),
    building: text('building').notNull().default(''),
    unit: text('unit').notNull().default(''),
    floor: integer('floor'),
    buildingFloors: integer('building_floors'),
    room: text('room').notNull().default(''),
    address: text('address').notNull(),
    heatedAreaM2: numeric('heated_area_m2', { precision: 10, scale: 2 }),
    orientation: text('orientation'),
    networkPosition: text('network_position'),
    /** 单元用热率 in percent (H-5.1). */
    unitHeatUseRate: numeric('unit_heat_use_rate', { precision: 5, scale: 2 }),
    /** G-5.11.3: when the home was last renovated; supply waits for an inspection passed after it (0041). */
    renovatedAt: timestamp('renovated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('premises_customer_idx').on(t.customerId)],
);

/** Supply contracts with the fields G-5.3.3 (gas) and H-7.1.5 (heating) require, kept as typed JSON by kind. */
export const contracts = pgTable(
  'contracts',
  {
    id: timeOrderedId(),
    enterpriseId: enterpriseRef(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    premisesId: uuid('premises_id').references(() => premises.id),
    contractNo: text('contract_no').notNull(),
    sector: text('sector').notNull(),
    signedOn: date('signed_on').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    /** G-6.2.3: settlement cycle and method. */
    settlementCycle: text('settlement_cycle').notNull().default('monthly'),
    terms: jsonb('terms').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contracts_no_uq').on(t.enterpriseId, t.contractNo),
    index('contracts_customer_idx').on(t.customerId),
  ],
);
