// cylinders/: bottled gas — cylinder rules as data, the fill scan check, fill judgement, dates (G-7.1.x).
export * from './rules.ts';
export * from './fill-check.ts';
export * from './life.ts';
export * from './delivery.ts';
export * from './price-list.ts';
