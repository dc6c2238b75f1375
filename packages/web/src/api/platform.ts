/** Platform records: enterprises, staff and their certificates, users (typed client and query keys). */
import { http, ok } from './client.ts';
import type { Body, Query } from './contract.ts';
import type { Id } from './types.ts';

const byId = (id: Id) => ({ params: { path: { id: String(id) } } });

export const enterprises = {
  list: () => ok(http.GET('/api/enterprises')),
  get: (id: Id) => ok(http.GET('/api/enterprises/{id}', byId(id))),
  create: (body: Body<'/api/enterprises'>) => ok(http.POST('/api/enterprises', { body })),
  update: (id: Id, body: Body<'/api/enterprises/{id}', 'patch'>) =>
    ok(http.PATCH('/api/enterprises/{id}', { ...byId(id), body })),
};

export const staffApi = {
  list: (query: Query<'/api/staff'> = {}) => ok(http.GET('/api/staff', { params: { query } })),
  create: (body: Body<'/api/staff'>) => ok(http.POST('/api/staff', { body })),
  update: (id: Id, body: Body<'/api/staff/{id}', 'patch'>) =>
    ok(http.PATCH('/api/staff/{id}', { ...byId(id), body })),
  addCertificate: (id: Id, body: Body<'/api/staff/{id}/certificates'>) =>
    ok(http.POST('/api/staff/{id}/certificates', { ...byId(id), body })),
  expiring: (days: number) => ok(http.GET('/api/certificates/expiring', { params: { query: { days } } })),
};

export const users = {
  list: () => ok(http.GET('/api/users')),
  create: (body: Body<'/api/users'>) => ok(http.POST('/api/users', { body })),
  linkStaff: (id: Id, staffId: string | null) =>
    ok(http.PUT('/api/users/{id}/staff', { ...byId(id), body: { staffId } })),
};

/** Query keys: a prefix invalidates every read under it (`['enterprises']` covers the names too). */
export const platformKeys = {
  enterprises: ['enterprises'] as const,
  enterpriseList: ['enterprises', 'list'] as const,
  enterprise: (id: Id) => ['enterprises', 'detail', String(id)] as const,
  staff: ['staff'] as const,
  staffList: (q: object) => ['staff', 'list', q] as const,
  expiring: (days: number) => ['staff', 'expiring', days] as const,
  users: ['users'] as const,
};
