// notices/: filling, commissioning and interruption notices (H-6.1.4, H-6.2.6, H-6.4.5, G-6.2.12).
export * from './types.ts';
export * from './errors.ts';
export * from './rules.ts';
export * from './text.ts';
