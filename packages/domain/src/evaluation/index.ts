export * from './indicators.ts';
export * from './evaluate.ts';
