import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { CalendarService } from '../modules/calendar/calendar.service.ts';

/** What every module's routes and services are built from: no globals, so tests build their own. */
export interface AppContext {
  config: Config;
  database: Database;
  calendar: CalendarService;
  /** The clock, injectable for tests. */
  now: () => Date;
}

export type Role =
  | 'regulator'
  | 'enterprise_admin'
  | 'agent'
  | 'dispatcher'
  | 'technician'
  | 'inspector'
  | 'billing_clerk'
  | 'resident';

export const ROLES: readonly Role[] = [
  'regulator',
  'enterprise_admin',
  'agent',
  'dispatcher',
  'technician',
  'inspector',
  'billing_clerk',
  'resident',
];

/** The signed-in caller, attached to each request by the session hook. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  enterpriseId: string;
  enterpriseName: string;
  enterpriseKind: string;
}
