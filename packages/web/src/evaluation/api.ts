import { api } from '../api/client.ts';

// The evaluation API (issue 14: G-12.4, H-10.5): figures per enterprise and indicator, and the records behind them.

export interface Msg {
  zh: string;
  en: string;
}
export type Status = 'met' | 'missed' | 'no_data' | 'no_target';
export interface Figure {
  enterpriseId: string;
  value: number | null;
  numerator: number;
  denominator: number;
  status: Status;
  rank: number | null;
}
export interface Indicator {
  id: string;
  clauses: string[];
  name: Msg;
  /** 'minutes': an average (G-12.4.1.2), lower is better. */
  unit: 'percent' | 'minutes';
  target:
    { kind: 'at_least'; percent: number } | { kind: 'all' } | { kind: 'at_most'; minutes: number } | null;
  numeratorDefinition: Msg;
  denominatorDefinition: Msg;
  figures: Figure[];
}
/** Each indicator's value per enterprise over the last periods (oldest first). */
export interface Trend {
  periods: string[];
  series: { indicator: string; enterpriseId: string; values: (number | null)[] }[];
}
export interface Evaluation {
  period: {
    key: string;
    kind: 'month' | 'year' | 'season';
    from: string;
    to: string;
    closed: boolean;
    closedAt: string | null;
    definitionsVersion: string;
  };
  enterprises: { id: string; name: string; kind: string }[];
  indicators: Indicator[];
}
export interface DrillRecord {
  refId: string;
  orderId: string | null;
  refNo: string;
  item: string;
  itemName: Msg | null;
  outcome: string;
  at: string;
  inNumerator: boolean;
  /** An average's amount of this record (a wait in seconds); null for a rate. */
  amount?: number | null;
}
export interface Drilldown {
  indicator: string;
  part: 'numerator' | 'denominator';
  closed: boolean;
  total: number;
  page: number;
  pageSize: number;
  items: DrillRecord[];
}

export const evaluation = {
  /** The same figures as a workbook (GET, so the browser downloads it with the session cookie). */
  exportUrl: (period: string, kind?: string) =>
    `/api/evaluation/export.xlsx?${new URLSearchParams({ period, ...(kind ? { kind } : {}) }).toString()}`,
  trend: (period: string, kind?: string) =>
    api.get<Trend>('/evaluation/trend', { period, count: '6', ...(kind ? { kind } : {}) }),
  figures: (period: string, kind?: string) =>
    api.get<Evaluation>('/evaluation', { period, ...(kind ? { kind } : {}) }),
  drilldown: (q: {
    period: string;
    indicator: string;
    enterpriseId: string;
    part: 'numerator' | 'denominator';
    page: number;
    pageSize: number;
  }) => api.get<Drilldown>('/evaluation/drilldown', q),
  close: (period: string) => api.post<{ state: string }>(`/evaluation/periods/${period}/close`),
  reopen: (period: string, reason: string) =>
    api.post<{ state: string }>(`/evaluation/periods/${period}/reopen`, { reason }),
};

/** The target as text, e.g. "≥ 95%" or "100%"; empty when Table 1 sets none. */
export function targetText(target: Indicator['target']): string {
  if (!target) return '';
  if (target.kind === 'at_most') return `≤ ${target.minutes} min`;
  return target.kind === 'all' ? '100%' : `≥ ${target.percent}%`;
}

/** A figure with its unit: "95%" for a rate, "12.5 min" for an average. */
export function valueText(ind: Pick<Indicator, 'unit'>, value: number): string {
  return ind.unit === 'minutes' ? `${value} min` : `${value}%`;
}

/** The target as a number on the chart's axis (percent or minutes). */
export function targetLine(target: Indicator['target']): number | null {
  if (!target) return null;
  if (target.kind === 'at_most') return target.minutes;
  return target.kind === 'all' ? 100 : target.percent;
}
