/** Flame-in-a-square mark in the brand blue. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#1f6fb2" />
      <path d="M16 6c4 5 7 8 7 12a7 7 0 0 1-14 0c0-3 2-5 3-7 1 2 2 3 4 3-1-3-1-5 0-8z" fill="#fff" />
    </svg>
  );
}
