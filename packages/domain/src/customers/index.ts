export * from './account.ts';
export * from './customer-kinds.ts';
export * from './id-card.ts';
