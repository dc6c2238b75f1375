// vehicle-gas/: the filling check, dispenser verification and the leak procedure (G-8.1.1, G-8.1.2, G-8.1.4,
// G-8.1.5, G-8.1.10).
export * from './rules.ts';
export * from './fill-check.ts';
export * from './dispensers.ts';
export * from './leak.ts';
export * from './indicator.ts';
export * from './receipt.ts';
