// inspections/: gas safety inspections — yearly plans (G-5.11.1), visit outcomes and nobody-home follow-up
// (G-5.11.4, G-5.11.8, G-5.11.9), hazards to closure (G-5.11.6, G-6.2.17), progress and the supply gate (G-5.11.3).
export * from './plan.ts';
export * from './outcomes.ts';
export * from './hazards.ts';
export * from './progress.ts';
export * from './checklist.ts';
export * from './supply-gate.ts';
export * from './education.ts';
export * from './network-checks.ts';
export * from './announcement.ts';
export * from './patrol.ts';
export * from './supply-conditions.ts';
