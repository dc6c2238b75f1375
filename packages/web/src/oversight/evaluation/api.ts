import { http, ok } from '../../api/client.ts';
import type { Ok, Query } from '../../api/contract.ts';

// The evaluation API (issue 14: G-12.4, H-10.5): figures per enterprise and indicator, and the records behind them.

export type Evaluation = Ok<'/api/evaluation'>;
export type Indicator = Evaluation['indicators'][number];
export type Figure = Indicator['figures'][number];
export type Status = Figure['status'];
export type Msg = Indicator['name'];
/** Each indicator's value per enterprise over the last periods (oldest first). */
export type Trend = Ok<'/api/evaluation/trend'>;
export type Drilldown = Ok<'/api/evaluation/drilldown'>;
export type DrillRecord = Drilldown['items'][number];

const inPeriod = (period: string) => ({ params: { path: { period } } });

export const evaluation = {
  /** The same figures as a workbook (GET, so the browser downloads it with the session cookie). */
  exportUrl: (period: string, kind?: string, district?: string) =>
    `/api/evaluation/export.xlsx?${new URLSearchParams({
      period,
      ...(kind ? { kind } : {}),
      ...(district ? { district } : {}),
    }).toString()}`,
  /** The PDF evaluation report of one enterprise (an enterprise's own without `enterpriseId`). */
  reportUrl: (period: string, enterpriseId?: string) =>
    `/api/evaluation/report.pdf?${new URLSearchParams({ period, ...(enterpriseId ? { enterpriseId } : {}) }).toString()}`,
  trend: (period: string, kind?: string, district?: string) =>
    ok(http.GET('/api/evaluation/trend', { params: { query: { period, count: 6, kind, district } } })),
  figures: (period: string, kind?: string, district?: string) =>
    ok(http.GET('/api/evaluation', { params: { query: { period, kind, district } } })),
  drilldown: (query: Query<'/api/evaluation/drilldown'>) =>
    ok(http.GET('/api/evaluation/drilldown', { params: { query } })),
  close: (period: string) => ok(http.POST('/api/evaluation/periods/{period}/close', inPeriod(period))),
  reopen: (period: string, reason: string) =>
    ok(http.POST('/api/evaluation/periods/{period}/reopen', { ...inPeriod(period), body: { reason } })),
};

/** Query keys: closing or reopening a period invalidates every read under `['evaluation']`. */
export const evaluationKeys = {
  all: ['evaluation'] as const,
  figures: (period: string, kind?: string, district?: string) =>
    ['evaluation', 'figures', period, kind ?? '', district ?? ''] as const,
  trend: (period: string, kind?: string, district?: string) =>
    ['evaluation', 'trend', period, kind ?? '', district ?? ''] as const,
  drilldown: (q: object) => ['evaluation', 'drilldown', q] as const,
};

/** The target as text, e.g. "≥ 95%" or "100%"; empty when Table 1 sets none. */
export function targetText(target: Indicator['target']): string {
  if (!target) return '';
  if (target.kind === 'at_most') return `≤ ${target.minutes} min`;
  if (target.kind === 'at_most_permille') return `≤ ${target.permille}‰`;
  return target.kind === 'all' ? '100%' : `≥ ${target.percent}%`;
}

/** A figure with its unit: "95%" for a rate, "12.5 min" for an average. */
export function valueText(ind: Pick<Indicator, 'unit'>, value: number): string {
  if (ind.unit === 'permille') return `${value}‰`;
  return ind.unit === 'minutes' ? `${value} min` : `${value}%`;
}

/** The target as a number on the chart's axis (percent or minutes). */
export function targetLine(target: Indicator['target']): number | null {
  if (!target) return null;
  if (target.kind === 'at_most') return target.minutes ?? null;
  if (target.kind === 'at_most_permille') return target.permille ?? null;
  return target.kind === 'all' ? 100 : (target.percent ?? null);
}

/** Lower is better for an average wait (G-12.4.1.2) and the accident rate (H-10.5.1). */
export const lowerIsBetter = (ind: Pick<Indicator, 'unit'>) => ind.unit !== 'percent';

/** The chart's value axis: 0–100 % for a rate; for an average or ‰ up to the ceiling, which stays in view. */
export function valueAxis(ind: Pick<Indicator, 'unit'>, target: number | null) {
  if (ind.unit === 'percent')
    return { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } };
  return {
    type: 'value',
    min: 0,
    max: (v: { max: number }) => Math.ceil(Math.max(v.max, target ?? 0) * 1.1),
    axisLabel: { formatter: ind.unit === 'minutes' ? '{value} min' : '{value}‰' },
  };
}
