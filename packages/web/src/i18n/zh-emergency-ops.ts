/** Chinese: urgent dispatch on duty, heating operations, building notices, policies and claims (issue 20). */
export const zhEmergencyOps = {
  'wo.onDuty': '【抢修在班】',
};
