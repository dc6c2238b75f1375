/** An instant as ISO 8601 in Asia/Shanghai (+08:00), as people and the CLI read it. */
export function toShanghaiIso(d: Date): string {
  const local = new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}
