/** English: urgent dispatch on duty, heating operations, building notices, policies and claims (issue 20). */
export const enEmergencyOps = {
  'wo.onDuty': '[on rush-repair duty]',
};
