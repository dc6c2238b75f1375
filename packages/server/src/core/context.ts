// What every module's routes and services are built from; no module needs the HTTP layer for it.
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { CalendarService } from '../modules/platform/calendar/calendar.service.ts';

/** What every module's routes and services are built from: no globals, so tests build their own. */
export interface AppContext {
  config: Config;
  database: Database;
  calendar: CalendarService;
  /** The clock, injectable for tests. */
  now: () => Date;
}
