import { hash, verify } from '@node-rs/argon2';
import { passwordMeetsPolicy } from '@ranre/domain';
import { appError } from '../../../core/errors.ts';

export const hashPassword = (pw: string) => hash(pw);
export const verifyPassword = (hashed: string, pw: string) => verify(hashed, pw).catch(() => false);

export function assertPasswordPolicy(pw: string): void {
  if (!passwordMeetsPolicy(pw)) {
    throw appError('PASSWORD_POLICY', {
      zh: '密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类',
      en: 'A password needs at least 8 characters from at least 3 of: upper case, lower case, digits, symbols',
    });
  }
}
