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

// Same rules as the server (packages/domain people/phone.ts): mobile, landline with area code, service number.
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const SERVICE = /^(1\d{4}|9\d{4,5}|400-?\d{3}-?\d{4})$/;

export function isValidPhone(p: string): boolean {
  return MOBILE.test(p) || LANDLINE.test(p) || SERVICE.test(p);
}

export function phoneRules(t: Translate, required = true): Rule[] {
  return [
    { required, whitespace: true, message: t('common.required') },
    {
      validator: (_, v: string | undefined) =>
        !v || isValidPhone(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('ent.phoneInvalid'))),
    },
  ];
}
