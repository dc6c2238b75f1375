// billing/: estimates (G-6.2.5), tariffs (G-6.2.4), payment notices (G-6.2.6/7), ledger, meter disputes (G-6.2.11).
export * from './units.ts';
export * from './estimate.ts';
export * from './tariff.ts';
export * from './notice.ts';
export * from './ledger.ts';
export * from './meter-dispute.ts';
export * from './plausibility.ts';
export * from './tier-year.ts';
export * from './estimate-reading.ts';
export * from './arrears.ts';
export * from './prepaid.ts';
export * from './overdue.ts';
export * from './cycle.ts';
export * from './customer-class.ts';
export * from './receipt.ts';
export * from './pricer.ts';
