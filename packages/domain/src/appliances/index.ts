// appliances/: appliance work — consent before priced work, the quality certificate, warranties (G-9.2).
export * from './consent.ts';
export * from './warranty.ts';
export * from './certificate.ts';
export * from './sale.ts';
export * from './return-visits.ts';
export * from './cessation.ts';
