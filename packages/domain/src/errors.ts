// Domain errors: a machine-readable code plus a message a person can act on, in Chinese and English.
// The HTTP layer maps codes to statuses in one table; the domain never knows about HTTP.

/** A text in both languages the product speaks. */
export interface Messages {
  zh: string;
  en: string;
}

/** Codes raised by this package. Other packages add their own UPPER_SNAKE codes; `code` stays a plain string. */
export const DomainErrorCodes = {
  DATE_INVALID: 'DATE_INVALID',
  LIMIT_INVALID: 'LIMIT_INVALID',
  CALENDAR_DATA_INVALID: 'CALENDAR_DATA_INVALID',
  CALENDAR_OVERRIDE_DUPLICATE: 'CALENDAR_OVERRIDE_DUPLICATE',
  CALENDAR_YEAR_UNKNOWN: 'CALENDAR_YEAR_UNKNOWN',
  CALENDAR_REQUIRED: 'CALENDAR_REQUIRED',
  CLOCK_DEFINITION_INVALID: 'CLOCK_DEFINITION_INVALID',
  EXTENSION_AFTER_DEADLINE: 'EXTENSION_AFTER_DEADLINE',
  EXTENSION_NOT_LATER: 'EXTENSION_NOT_LATER',
  EXTENSION_REASON_REQUIRED: 'EXTENSION_REASON_REQUIRED',
} as const;

export type DomainErrorCode = (typeof DomainErrorCodes)[keyof typeof DomainErrorCodes];

const CODE_PATTERN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: string;
  readonly messages: Messages;
  readonly details?: unknown;

  constructor(code: string, messages: Messages, details?: unknown) {
    // English in `message` so stack traces and logs read naturally; both languages stay in `messages`.
    super(messages.en);
    if (!CODE_PATTERN.test(code)) {
      throw new TypeError(`DomainError code must be UPPER_SNAKE, got "${code}"`);
    }
    this.code = code;
    this.messages = messages;
    if (details !== undefined) this.details = details;
  }

  /** Plain object for logs and HTTP bodies (an Error's own fields do not survive JSON.stringify). */
  toJSON(): { code: string; messages: Messages; details?: unknown } {
    return this.details === undefined
      ? { code: this.code, messages: this.messages }
      : { code: this.code, messages: this.messages, details: this.details };
  }
}

/** Type guard that also works across module copies (checks the shape, not only the prototype). */
export function isDomainError(value: unknown, code?: string): value is DomainError {
  if (!(value instanceof Error)) return false;
  const candidate = value as Partial<DomainError>;
  if (typeof candidate.code !== 'string' || typeof candidate.messages !== 'object') return false;
  return code === undefined || candidate.code === code;
}

/** Shorthand: `domainError('X_Y', '中文', 'English', details)`. */
export function domainError(code: string, zh: string, en: string, details?: unknown): DomainError {
  return new DomainError(code, { zh, en }, details);
}

// ---- helper constructors for the codes this package raises ----

export function dateInvalid(value: unknown, expected = 'YYYY-MM-DD'): DomainError {
  const shown = value instanceof Date ? 'Invalid Date' : String(value);
  return domainError(
    DomainErrorCodes.DATE_INVALID,
    `日期或时间无效：「${shown}」，应为 ${expected}。`,
    `Invalid date or time "${shown}"; expected ${expected}.`,
    { value: shown, expected },
  );
}

export function limitInvalid(text: string, why: Messages): DomainError {
  return domainError(
    DomainErrorCodes.LIMIT_INVALID,
    `时限「${text}」无效：${why.zh}。示例：5wd（5个工作日）、0.5h（0.5小时）、10d（10日）。`,
    `Invalid time limit "${text}": ${why.en}. Examples: 5wd (5 working days), 0.5h (half an hour), 10d (10 days).`,
    { text },
  );
}

export function calendarYearUnknown(year: number, knownYears: readonly number[], date: string): DomainError {
  const known = knownYears.length === 0 ? '—' : describeYears(knownYears);
  return domainError(
    DomainErrorCodes.CALENDAR_YEAR_UNKNOWN,
    `工作日历尚无 ${year} 年的节假日安排（需要判断 ${date}），已知年份：${known}。` +
      `请管理员在国务院办公厅发布 ${year} 年放假通知后录入该年日历，再计算期限。`,
    `The working calendar has no holiday data for ${year} (needed for ${date}); known years: ${known}. ` +
      `An administrator must enter the ${year} calendar from the State Council holiday notice before this deadline can be computed.`,
    { year, date, knownYears: [...knownYears] },
  );
}

export function calendarDataInvalid(why: Messages, details?: unknown): DomainError {
  return domainError(
    DomainErrorCodes.CALENDAR_DATA_INVALID,
    `工作日历数据无效：${why.zh}`,
    `Invalid working-calendar data: ${why.en}`,
    details,
  );
}

/** "2025–2026" for a contiguous run, "2025–2026, 2028" otherwise. */
function describeYears(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const runs: string[] = [];
  let runStart = sorted[0] as number;
  let previous = runStart;
  for (const year of sorted.slice(1)) {
    if (year !== previous + 1) {
      runs.push(runStart === previous ? `${runStart}` : `${runStart}–${previous}`);
      runStart = year;
    }
    previous = year;
  }
  runs.push(runStart === previous ? `${runStart}` : `${runStart}–${previous}`);
  return runs.join(', ');
}
