/** Issue 20: duty rosters, readiness alerts, plans, drills and incidents (G-4.2.2, G-5.12, H-6.4). */
import { http, ok } from '../api/client.ts';
import type { Body, Item, Ok, Query } from '../api/contract.ts';

export type Shift = Ok<'/api/duty/roster'>['shifts'][number];
export type Gap = Ok<'/api/duty/roster'>['gaps'][number];
export type ReadinessAlert = Item<'/api/emergency/alerts'>;
export type Plan = Item<'/api/emergency/plans'>;
export type Exercise = Item<'/api/emergency/exercises'>;
export type Incident = Item<'/api/incidents'>;
export type IncidentDetail = Ok<'/api/incidents/{id}'>;
export type IncidentEvent = Body<'/api/incidents/{id}/events'>['event'];

export const emergency = {
  roster: (query: Query<'/api/duty/roster'>) => ok(http.GET('/api/duty/roster', { params: { query } })),
  addShift: (body: Body<'/api/duty/shifts'>) => ok(http.POST('/api/duty/shifts', { body })),
  staff: () => ok(http.GET('/api/staff')),
  alerts: () => ok(http.GET('/api/emergency/alerts')),
  ack: (id: number) => ok(http.POST('/api/emergency/alerts/{id}/ack', { params: { path: { id } } })),
  plans: () => ok(http.GET('/api/emergency/plans')),
  filePlan: (body: Body<'/api/emergency/plans'>) => ok(http.POST('/api/emergency/plans', { body })),
  exercises: () => ok(http.GET('/api/emergency/exercises')),
  recordExercise: (body: Body<'/api/emergency/exercises'>) =>
    ok(http.POST('/api/emergency/exercises', { body })),
  incidents: () => ok(http.GET('/api/incidents')),
  incident: (id: string) => ok(http.GET('/api/incidents/{id}', { params: { path: { id } } })),
  openIncident: (body: Body<'/api/incidents'>) => ok(http.POST('/api/incidents', { body })),
  act: (id: string, version: number, event: IncidentEvent) =>
    ok(http.POST('/api/incidents/{id}/events', { params: { path: { id } }, body: { version, event } })),
};

export const emergencyKeys = {
  all: ['emergency'] as const,
  roster: (from: string) => ['emergency', 'roster', from] as const,
  alerts: ['emergency', 'alerts'] as const,
  plans: ['emergency', 'plans'] as const,
  exercises: ['emergency', 'exercises'] as const,
  incidents: ['emergency', 'incidents'] as const,
  incident: (id: string) => ['emergency', 'incidents', id] as const,
};

export type Warning = Item<'/api/emergency/warnings'>;
export const warnings = {
  list: () => ok(http.GET('/api/emergency/warnings')),
  publish: (body: Body<'/api/emergency/warnings'>) => ok(http.POST('/api/emergency/warnings', { body })),
  level: (id: string, level: number, reason: string) =>
    ok(
      http.POST('/api/emergency/warnings/{id}/level', { params: { path: { id } }, body: { level, reason } }),
    ),
};

export type Claim = Item<'/api/insurance/claims'>;
export type Policy = Item<'/api/insurance/policies'>;
export type ClaimEvent = Body<'/api/insurance/claims/{id}/events'>['event'];
export const insurance = {
  claims: () => ok(http.GET('/api/insurance/claims')),
  policies: () => ok(http.GET('/api/insurance/policies')),
  addPolicy: (body: Body<'/api/insurance/policies'>) => ok(http.POST('/api/insurance/policies', { body })),
  openClaim: (body: Body<'/api/insurance/claims'>) => ok(http.POST('/api/insurance/claims', { body })),
  act: (id: string, version: number, event: ClaimEvent) =>
    ok(
      http.POST('/api/insurance/claims/{id}/events', { params: { path: { id } }, body: { version, event } }),
    ),
  /** G-11.2, H-9.3: one photo or video of the loss, as a data URL. */
  addMedia: (id: string, dataUrl: string, purpose: 'loss' | 'injury') =>
    ok(
      http.POST('/api/insurance/claims/{id}/media', { params: { path: { id } }, body: { dataUrl, purpose } }),
    ),
};
export const insuranceKeys = {
  claims: ['emergency', 'claims'] as const,
  policies: ['emergency', 'policies'] as const,
};

/** Heating operations (H-6.3.1, H-6.3.2, H-6.1.7) and building notices (H-6.3.4). */
export type FacilityCheck = Item<'/api/heating/facility-checks'>;
export type MaintenancePlan = Item<'/api/heating/maintenance-plans'>;
export type Commitment = Item<'/api/heating/maintenance-commitments'>;
export type BuildingNotice = Item<'/api/heating/building-notices'>;
export const heatingOps = {
  checks: () => ok(http.GET('/api/heating/facility-checks')),
  recordCheck: (body: Body<'/api/heating/facility-checks'>) =>
    ok(http.POST('/api/heating/facility-checks', { body })),
  closeFinding: (id: string, body: Body<'/api/heating/findings/{id}/close'>) =>
    ok(http.POST('/api/heating/findings/{id}/close', { params: { path: { id } }, body })),
  plans: () => ok(http.GET('/api/heating/maintenance-plans')),
  addPlan: (body: Body<'/api/heating/maintenance-plans'>) =>
    ok(http.POST('/api/heating/maintenance-plans', { body })),
  reportPlan: (id: string, reportedTo: string) =>
    ok(
      http.POST('/api/heating/maintenance-plans/{id}/report', {
        params: { path: { id } },
        body: { reportedTo },
      }),
    ),
  commitments: () => ok(http.GET('/api/heating/maintenance-commitments')),
  fileCommitment: (body: Body<'/api/heating/maintenance-commitments'>) =>
    ok(http.POST('/api/heating/maintenance-commitments', { body })),
  notices: () => ok(http.GET('/api/heating/building-notices')),
  issueNotice: (body: Body<'/api/heating/building-notices'>) =>
    ok(http.POST('/api/heating/building-notices', { body })),
};
export const heatingOpsKeys = {
  checks: ['emergency', 'heating', 'checks'] as const,
  plans: ['emergency', 'heating', 'plans'] as const,
  commitments: ['emergency', 'heating', 'commitments'] as const,
  notices: ['emergency', 'heating', 'notices'] as const,
};
