import type { Role } from '../../api/types.ts';

/** Mirrors the server's metering routes: who may write what. */
export const canWriteMeters = (role: Role) => role === 'enterprise_admin' || role === 'billing_clerk';
export const canEnterReadings = (role: Role) =>
  role === 'enterprise_admin' || role === 'billing_clerk' || role === 'technician';
export const canPublishPrices = (role: Role) => role === 'enterprise_admin';
