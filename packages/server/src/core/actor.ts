// Who is calling: the roles of the platform and the signed-in actor every module's rules are given.

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
