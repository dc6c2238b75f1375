/** Hotline call records (G-12.4.1.1, H-3.13) and sampled window waits (G-12.4.1.2). */
import { http, ok } from '../../api/client.ts';
import type { Body, Item, Ok, Query } from '../../api/contract.ts';

export type Call = Item<'/api/calls'>;
export type CallList = Ok<'/api/calls'>;
export type CallQuery = Query<'/api/calls'>;
export type CallIntake = Ok<'/api/calls/import', 'post'>;
export type Threshold = Ok<'/api/calls/threshold'>;
export type ThresholdInput = Body<'/api/calls/threshold'>;
export type WaitList = Ok<'/api/window-waits'>;
export type WaitQuery = Query<'/api/window-waits'>;
export type WaitEntry = Body<'/api/window-waits'>;
export type SurveyList = Ok<'/api/satisfaction-surveys'>;
export type SurveyQuery = Query<'/api/satisfaction-surveys'>;
export type SurveyEntry = Body<'/api/satisfaction-surveys'>;

export const calls = {
  list: (query: CallQuery) => ok(http.GET('/api/calls', { params: { query } })),
  import: (format: 'csv' | 'xlsx', fileBase64: string, dryRun: boolean) =>
    ok(http.POST('/api/calls/import', { body: { format, fileBase64, dryRun } })),
  threshold: () => ok(http.GET('/api/calls/threshold', { params: { query: {} } })),
  setThreshold: (body: ThresholdInput) => ok(http.POST('/api/calls/threshold', { body })),
};

export const waits = {
  list: (query: WaitQuery) => ok(http.GET('/api/window-waits', { params: { query } })),
  record: (body: WaitEntry) => ok(http.POST('/api/window-waits', { body })),
};

export const surveys = {
  list: (query: SurveyQuery) => ok(http.GET('/api/satisfaction-surveys', { params: { query } })),
  record: (body: SurveyEntry) => ok(http.POST('/api/satisfaction-surveys', { body })),
};

export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}
