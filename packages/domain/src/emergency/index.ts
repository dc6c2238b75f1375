// emergency/: duty rosters and their gaps, plans and yearly exercises, incident levels (G-5.12, H-6.4, G-4.2.2).
export * from './roster.ts';
export * from './readiness.ts';
export * from './incidents.ts';
export * from './warnings.ts';
export * from './insurance.ts';
export * from './heating-ops.ts';
