import type { Sheet } from '../customers/spreadsheet.ts';
import { mapColumns, type ImportColumn } from '../calls/call-rows.ts';

// G-12.4.5, H-3.14, H-10.3.2: survey answers from a file (CSV/Excel), one respondent a row — the surveyor (the
// department or the third party), the survey date, the respondent, the overall grade (满意 / 基本满意 / 不满意), and
// every further column a factor graded the same way (室温, 服务态度 …). Each row becomes an answer or every reason
// it cannot be one; the file's header is mapped as the call and window-wait imports map theirs.

type Key = 'surveyor' | 'surveyedOn' | 'respondent' | 'grade';
const COLUMNS: Record<Key, ImportColumn> = {
  surveyor: { zh: '调查单位', aliases: ['调查方', '调查机构', 'surveyor'], required: true },
  surveyedOn: { zh: '调查日期', aliases: ['日期', 'surveyed on', 'date'], required: true },
  respondent: { zh: '受访者', aliases: ['户号', '问卷编号', 'respondent'], required: false },
  grade: { zh: '总体评价', aliases: ['满意度', '评价', 'grade'], required: true },
};

type Grade = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
const GRADES: Record<string, Grade> = {
  满意: 'satisfied',
  基本满意: 'basically_satisfied',
  不满意: 'dissatisfied',
  satisfied: 'satisfied',
  basically_satisfied: 'basically_satisfied',
  'basically satisfied': 'basically_satisfied',
  dissatisfied: 'dissatisfied',
};

export interface SurveyReason {
  code: string;
  column?: string;
  zh: string;
  en: string;
}
export interface SurveyRow {
  row: number;
  surveyor: string;
  surveyedOn: string;
  respondent: string;
  grade: Grade;
  factors: Record<string, Grade>;
}
export type BadSurveyRow = { row: number; reasons: SurveyReason[] };

/** Every row of the sheet judged: an answer, or the reasons it is not one. `today` is the Shanghai date. */
export function convertSurveySheet(sheet: Sheet, today: string): (SurveyRow | BadSurveyRow)[] {
  const keys = mapColumns(COLUMNS, sheet.header);
  const known = new Set(Object.values(keys));
  const factorColumns = sheet.header
    .map((name, i) => ({ name: name.trim().slice(0, 40), i }))
    .filter((c) => !known.has(c.i) && c.name !== '');
  return sheet.rows
    .map((cells, i) => ({ cells, row: sheet.rowNumbers[i] ?? i + 2 }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map(({ cells, row }) => {
      const cell = (k: Key) => (keys[k] === undefined ? '' : (cells[keys[k]] ?? '').trim());
      const reasons: SurveyReason[] = [];
      const bad = (column: string, code: string, zh: string, en: string) =>
        reasons.push({ code, column, zh, en });
      const surveyor = cell('surveyor');
      if (surveyor.length < 2 || surveyor.length > 100)
        bad(
          COLUMNS.surveyor.zh,
          'SURVEYOR_INVALID',
          '调查单位应为 2–100 个字',
          'The surveyor must be 2–100 characters',
        );
      const dateText = cell('surveyedOn').replace(/\//g, '-').slice(0, 10);
      const surveyedOn = dateText.replace(
        /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
        (_, y: string, m: string, d: string) => [y, m.padStart(2, '0'), d.padStart(2, '0')].join('-'),
      );
      if (!/^\d{4}-\d{2}-\d{2}$/.test(surveyedOn) || Number.isNaN(Date.parse(`${surveyedOn}T00:00:00Z`)))
        bad(
          COLUMNS.surveyedOn.zh,
          'DATE_INVALID',
          `“${cell('surveyedOn')}”不是有效日期（应为 2026-11-15）`,
          `"${cell('surveyedOn')}" is not a date (use 2026-11-15)`,
        );
      else if (surveyedOn > today)
        bad(
          COLUMNS.surveyedOn.zh,
          'IN_FUTURE',
          '调查日期不能晚于今天',
          'The survey date cannot be after today',
        );
      const gradeOf = (text: string, column: string): Grade | null => {
        const g = GRADES[text.trim().toLowerCase()];
        if (!g)
          bad(
            column,
            'GRADE_INVALID',
            `“${text}”不是评价等级（满意、基本满意、不满意）`,
            `"${text}" is not a grade (满意, 基本满意, 不满意)`,
          );
        return g ?? null;
      };
      const grade = gradeOf(cell('grade'), COLUMNS.grade.zh);
      const factors: Record<string, Grade> = {};
      for (const f of factorColumns) {
        const text = (cells[f.i] ?? '').trim();
        if (!text) continue;
        const g = gradeOf(text, f.name);
        if (g) factors[f.name] = g;
      }
      if (reasons.length > 0 || !grade) return { row, reasons };
      return { row, surveyor, surveyedOn, respondent: cell('respondent').slice(0, 60), grade, factors };
    });
}

export const isBadSurvey = (r: SurveyRow | BadSurveyRow): r is BadSurveyRow => 'reasons' in r;
