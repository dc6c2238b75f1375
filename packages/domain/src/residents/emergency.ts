import type { Messages } from '../errors.ts';

// G-6.2.13, G-7.1.11: on an indoor leak the customer is advised at once — before anything else is asked — what to
// do; the self-service leak report shows this first and files the order only once the resident has seen it.

export const LEAK_ADVICE: readonly Messages[] = [
  { zh: '立即打开门窗通风', en: 'Open doors and windows at once' },
  {
    zh: '不要开关任何电器、不要使用明火和手机（在室内）',
    en: 'Do not switch anything on or off; no flames, no phone indoors',
  },
  { zh: '如能安全做到，关闭燃气表前阀门', en: 'If safe, close the gas valve before the meter' },
  { zh: '立即撤离到室外安全地点', en: 'Leave the building now' },
  { zh: '到室外后拨打 24 小时抢修电话', en: 'From outside, call the 24-hour emergency line' },
];
