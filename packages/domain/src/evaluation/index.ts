export * from './indicators.ts';
export * from './evaluate.ts';
export * from './accident-rate.ts';
