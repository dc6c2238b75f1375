// residents/: binding an account to a resident (one-time code), the reopen period, the leak advice.
export * from './binding.ts';
export * from './reopen.ts';
export * from './emergency.ts';
export * from './public-rules.ts';
export * from './booking.ts';
export * from './public-charter.ts';
