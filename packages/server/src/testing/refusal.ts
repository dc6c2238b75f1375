/** The SQLSTATE with which the database refused a statement (drizzle wraps the driver's error as its cause), or
 * 'accepted' when it ran. */
export async function sqlStateOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    return e.code ?? e.cause?.code ?? 'no code';
  }
  return 'accepted';
}
