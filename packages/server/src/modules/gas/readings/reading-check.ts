import { checkReading, monthlyHistory, type ReadingFlag, type ReadingPoint } from '@ranre/domain';
import { appError } from '../../../core/errors.ts';
import type { TReadingInput } from './readings.schemas.ts';

/**
 * The entry rules around the domain's plausibility check: no future date, nothing before the meter's last
 * reading, a register that runs backwards refused, a flagged reading kept only when the reader confirms it with a
 * note (G-6.2.5 high/low check).
 */
export function checkEntry(e: {
  input: TReadingInput;
  today: string;
  own: ReadingPoint[];
  history: ReadingPoint[];
  occupied: boolean;
}) {
  const { input } = e;
  if (input.readOn > e.today) {
    throw appError(
      'READING_IN_FUTURE',
      {
        zh: `抄表日期 ${input.readOn} 晚于今天（${e.today}）。`,
        en: `Reading date ${input.readOn} is after today (${e.today}).`,
      },
      { field: 'readOn' },
    );
  }
  const last = e.own[e.own.length - 1] ?? null;
  if (last && input.readOn <= last.readOn) {
    throw appError(
      last.readOn === input.readOn ? 'READING_EXISTS' : 'READING_DATE_NOT_AFTER_PREVIOUS',
      {
        zh: `该表最近一次读数在 ${last.readOn}，新读数须晚于它。`,
        en: `The meter's last reading is of ${last.readOn}; a new one must be later.`,
      },
      { field: 'readOn', lastReadOn: last.readOn },
    );
  }
  const lastActual = [...e.own].reverse().find((r) => r.kind !== 'estimated');
  const check = checkReading({
    previous: last,
    lastActualRegister: lastActual?.register,
    readOn: input.readOn,
    register: input.register,
    history: monthlyHistory(e.history),
    occupied: e.occupied,
  });
  if (check.blocked) {
    throw appError('READING_REGISTER_REGRESSED', check.flags[0]!.reason, {
      field: 'register',
      flags: check.flags,
    });
  }
  if (check.needsConfirmation && !(input.confirm && input.note.length >= 2)) {
    throw needsConfirmation(check.flags, check.usage);
  }
  return check;
}

function needsConfirmation(flags: ReadingFlag[], usage: number) {
  const reasons = flags.map((f) => f.reason);
  return appError(
    'READING_NEEDS_CONFIRMATION',
    {
      zh: `读数异常，请核实后填写说明并确认：${reasons.map((r) => r.zh).join(' ')}`,
      en: `The reading looks implausible; check it, add a note and confirm: ${reasons.map((r) => r.en).join(' ')}`,
    },
    { field: 'register', flags, usage },
  );
}
