/** Phone numbers a customer or an enterprise gives in China: mobile, landline with area code, or a service number. */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const SERVICE = /^(1\d{4}|9\d{4,5}|400-?\d{3}-?\d{4})$/; // 12345, 95598-style, 400 numbers

export function isValidPhone(p: string): boolean {
  return MOBILE.test(p) || LANDLINE.test(p) || SERVICE.test(p);
}

/** Personal data is masked unless the role needs it (G-5.7.6, H-7.6.6.3): keep the first 3 and last 4 digits. */
export function maskPhone(p: string | null | undefined): string | null {
  if (!p) return p ?? null;
  if (p.length <= 7) return p.replace(/\d(?=\d{2})/g, '*');
  return p.slice(0, 3) + '*'.repeat(p.length - 7) + p.slice(-4);
}

/** 张** : the surname stays, so a person can be addressed, the rest is hidden. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}

/** The first part of an address (district, street), the rest hidden. */
export function maskAddress(address: string): string {
  const chars = [...address];
  if (chars.length === 0) return '';
  return chars.slice(0, Math.min(6, Math.ceil(chars.length / 3))).join('') + '****';
}
