/** Password policy of the platform: at least 8 characters from at least 3 of the 4 character classes. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MIN_CLASSES = 3;

export function passwordClasses(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(pw)).length;
}

export function passwordMeetsPolicy(pw: string): boolean {
  return pw.length >= PASSWORD_MIN_LENGTH && passwordClasses(pw) >= PASSWORD_MIN_CLASSES;
}
