import type { Rule } from 'antd/es/form';
import type { Translate } from '../i18n/index.tsx';

/** GB 32100 character set (no I, O, Z, S, V). The check character is validated by the server. */
export const CREDIT_CODE_RE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function passwordOk(p: string): boolean {
  if (p.length < 8) return false;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(p)).length;
  return classes >= 3;
}

export function passwordRules(t: Translate): Rule[] {
  return [
    { required: true, message: t('common.required') },
    {
      validator: (_, v: string | undefined) =>
        !v || passwordOk(v) ? Promise.resolve() : Promise.reject(new Error(t('password.weak'))),
    },
  ];
}

export function creditCodeRules(t: Translate): Rule[] {
  return [
    { required: true, message: t('common.required') },
    { len: 18, message: t('ent.creditCodeLength') },
    { pattern: /^[0-9A-HJ-NPQRTUWXY]*$/, message: t('ent.creditCodeChars') },
  ];
}

/** Loose: landline (0533-1234567), mobile, 400-xxx-xxxx, 96xxx service numbers. The server decides. */
export const PHONE_RE = /^[0-9][0-9-]{2,19}$/;

export function phoneRules(t: Translate, required = true): Rule[] {
  return [
    { required, whitespace: true, message: t('common.required') },
    { pattern: PHONE_RE, message: t('ent.phoneInvalid') },
  ];
}

export const MOBILE_RE = /^1\d{10}$/;
