export * from './credit-code.ts';
export * from './password-policy.ts';
export * from './phone.ts';
