// Binding an account to a resident's login (G-5.8.1, H-7.5.2 self-service; G-5.7.6, H-7.5.3 customer data kept
// to those entitled): the enterprise trusts a binding only when the caller names the account, its holder and the
// last four digits of the phone on file, and then proves he holds that phone with a one-time code sent to it.

/** The code is valid this long after it was sent. */
export const BINDING_CODE_TTL_MINUTES = 10;
/** Wrong codes allowed per request; the request is then spent and a new code must be asked for. */
export const BINDING_MAX_ATTEMPTS = 5;
/** Sign-up codes one mobile may be sent per hour. */
export const SIGNUP_CODES_PER_PHONE_PER_HOUR = 3;
/** Binding requests a login may start per hour (each sends an SMS). */
export const BINDING_REQUESTS_PER_HOUR = 5;

export interface AccountHolder {
  name: string;
  phone: string | null;
  phone2: string | null;
}

export interface BindingClaim {
  name: string;
  phoneLast4: string;
}

/** Names compare without spaces of any kind and in one Unicode form (全角 spaces, NFC). */
export function normaliseHolderName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

const digits = (phone: string | null) => (phone ?? '').replace(/\D/g, '');

/**
 * The phone on file the code is sent to: the one whose last four digits the caller gave, if the name matches
 * too; otherwise null (the caller is told only that the details do not match, never which part).
 */
export function bindingPhone(holder: AccountHolder, claim: BindingClaim): string | null {
  if (!/^\d{4}$/.test(claim.phoneLast4)) return null;
  if (normaliseHolderName(holder.name) !== normaliseHolderName(claim.name)) return null;
  for (const phone of [holder.phone, holder.phone2]) {
    const d = digits(phone);
    // Only a mobile can receive the code.
    if (/^1\d{10}$/.test(d) && d.endsWith(claim.phoneLast4)) return d;
  }
  return null;
}

/** A mainland mobile number (11 digits starting with 1): only a mobile receives a code. */
export const isMobile = (phone: string) => /^1\d{10}$/.test(phone);

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'spent';

export interface PendingCode {
  expiresAt: Date;
  attempts: number;
  status: 'pending' | 'verified' | 'failed';
}

/** Whether a code may still be tried now, and what a try means (`matches`: the hash of the code equals). */
export function checkBindingCode(pending: PendingCode, matches: boolean, now: Date): CodeCheck {
  if (pending.status !== 'pending' || pending.attempts >= BINDING_MAX_ATTEMPTS) return 'spent';
  if (now.getTime() > pending.expiresAt.getTime()) return 'expired';
  return matches ? 'ok' : 'wrong';
}

/** When a code sent now stops being valid. */
export const bindingCodeExpiry = (now: Date) => new Date(now.getTime() + BINDING_CODE_TTL_MINUTES * 60_000);
