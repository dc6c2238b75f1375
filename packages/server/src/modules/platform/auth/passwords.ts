import { hash, verify } from '@node-rs/argon2';
import { passwordMeetsPolicy } from '@ranre/domain';
import { dictionary } from '@zxcvbn-ts/language-common';
import { appError } from '../../../core/errors.ts';
import { DEMO_PASSWORD } from '../../../demo/seed-data.ts';

export const hashPassword = (pw: string) => hash(pw);
export const verifyPassword = (hashed: string, pw: string) => verify(hashed, pw).catch(() => false);

// The common-password list zxcvbn-ts ships (about 49,000 leaked passwords, lower case). A password is refused when
// its lower-case form is on it, so `P@ssw0rd` and `Password1!` are refused although they meet the character rule.
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as unknown as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** True when the password is on the common-password list (case ignored). */
export function isCommonPassword(pw: string): boolean {
  return commonPasswords().has(pw.toLowerCase());
}

/**
 * The platform's password rule (domain: length and character classes), the common-password blocklist, and the
 * published demo password, which only a demo installation may use.
 */
export function assertPasswordPolicy(pw: string, opts: { demo?: boolean } = {}): void {
  if (!passwordMeetsPolicy(pw)) {
    throw appError('PASSWORD_POLICY', {
      zh: '密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类',
      en: 'A password needs at least 8 characters from at least 3 of: upper case, lower case, digits, symbols',
    });
  }
  if (pw === DEMO_PASSWORD && !opts.demo) {
    throw appError('PASSWORD_POLICY', {
      zh: '不能使用公开的演示密码（仅演示模式可用），请另设密码',
      en: 'The published demo password may only be used in demo mode; choose another password',
    });
  }
  if (isCommonPassword(pw)) {
    throw appError('PASSWORD_POLICY', {
      zh: '该密码属于常见密码，容易被猜中，请另设密码',
      en: 'This password is on the list of common passwords and easy to guess; choose another',
    });
  }
}
