import type { AliyunSmsConfig } from './aliyun-sms.ts';

// Which SMS channel the outbox uses. `recording` keeps messages without sending them (the demo's channel, refused in
// production, where a message that never leaves would look sent); `aliyun` sends through Aliyun's SDK.

export const SMS_ENV_VARS = [
  'SMS_PROVIDER',
  'ALIYUN_SMS_ACCESS_KEY_ID',
  'ALIYUN_SMS_ACCESS_KEY_SECRET',
  'ALIYUN_SMS_SIGN_NAME',
  'ALIYUN_SMS_TEMPLATES',
  'ALIYUN_SMS_ENDPOINT',
] as const;

export type SmsConfig = { provider: 'recording' } | { provider: 'aliyun'; aliyun: AliyunSmsConfig };

export class SmsConfigError extends Error {}

export function loadSmsConfig(
  env: Partial<Record<(typeof SMS_ENV_VARS)[number], string | undefined>>,
  mode: 'demo' | 'production',
): SmsConfig {
  const provider = env.SMS_PROVIDER || (mode === 'demo' ? 'recording' : undefined);
  if (provider === 'recording') {
    if (mode === 'production') {
      throw new SmsConfigError(
        'SMS_PROVIDER=recording keeps messages without sending them and is for demo mode only; ' +
          'set SMS_PROVIDER=aliyun with ALIYUN_SMS_ACCESS_KEY_ID, ALIYUN_SMS_ACCESS_KEY_SECRET, ALIYUN_SMS_SIGN_NAME and ALIYUN_SMS_TEMPLATES',
      );
    }
    return { provider: 'recording' };
  }
  if (provider === undefined) {
    throw new SmsConfigError(
      'production sends SMS through a provider: set SMS_PROVIDER=aliyun with ALIYUN_SMS_ACCESS_KEY_ID, ' +
        'ALIYUN_SMS_ACCESS_KEY_SECRET, ALIYUN_SMS_SIGN_NAME and ALIYUN_SMS_TEMPLATES',
    );
  }
  if (provider !== 'aliyun') {
    throw new SmsConfigError(
      `SMS_PROVIDER=${JSON.stringify(provider ?? '')}: use aliyun (or recording in demo mode)`,
    );
  }
  const missing = (
    [
      'ALIYUN_SMS_ACCESS_KEY_ID',
      'ALIYUN_SMS_ACCESS_KEY_SECRET',
      'ALIYUN_SMS_SIGN_NAME',
      'ALIYUN_SMS_TEMPLATES',
    ] as const
  ).filter((k) => !env[k]);
  if (missing.length > 0) throw new SmsConfigError(`SMS_PROVIDER=aliyun needs ${missing.join(', ')}`);
  let templates: Record<string, string>;
  try {
    templates = JSON.parse(env.ALIYUN_SMS_TEMPLATES!) as Record<string, string>;
    if (
      typeof templates !== 'object' ||
      templates === null ||
      Object.values(templates).some((v) => typeof v !== 'string')
    )
      throw new Error('not an object of strings');
  } catch {
    throw new SmsConfigError(
      'ALIYUN_SMS_TEMPLATES must be JSON mapping message kinds to template codes, e.g. {"default":"SMS_123456789"}',
    );
  }
  const endpoint = env.ALIYUN_SMS_ENDPOINT || 'dysmsapi.aliyuncs.com';
  return {
    provider: 'aliyun',
    aliyun: {
      accessKeyId: env.ALIYUN_SMS_ACCESS_KEY_ID!,
      accessKeySecret: env.ALIYUN_SMS_ACCESS_KEY_SECRET!,
      signName: env.ALIYUN_SMS_SIGN_NAME!,
      templates,
      endpoint: endpoint.replace(/^https?:\/\//, ''),
      protocol: endpoint.startsWith('http://') ? 'http' : 'https',
    },
  };
}
