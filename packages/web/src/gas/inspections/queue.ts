import { ApiError } from '../../api/client.ts';
import { inspections, type RecordBody, type RecordResult } from '../../api/inspections.ts';

// The offline queue of the inspector's phone: a record made where the signal is lost (inside a building) is kept in
// localStorage under its own id and sent when the network is back. The server records an id once, so sending a
// record twice (a retry after a lost answer) never makes two records.

const KEY = 'ranre.inspections.queue';

export function pending(): RecordBody[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as RecordBody[];
  } catch {
    return [];
  }
}

function save(list: RecordBody[]) {
  localStorage.setItem(KEY, JSON.stringify(list));
}

const offline = (e: unknown) => e instanceof ApiError && e.status === 0;

/** Sends now; on a network failure keeps it for later and answers 'queued'. Other errors are thrown to the form. */
export async function submit(body: RecordBody): Promise<RecordResult | 'queued'> {
  try {
    return await inspections.record(body);
  } catch (e) {
    if (!offline(e)) throw e;
    save([...pending().filter((r) => r.id !== body.id), body]);
    return 'queued';
  }
}

/**
 * Sends what is waiting, oldest first; stops at the first network failure. A record the server refuses (it would be
 * refused again) leaves the queue and is handed back with the error, so the inspector sees it and records it anew.
 */
export async function flush(): Promise<{ sent: number; refused: { body: RecordBody; error: unknown }[] }> {
  let sent = 0;
  const refused: { body: RecordBody; error: unknown }[] = [];
  for (const body of pending()) {
    try {
      await inspections.record(body);
      sent += 1;
    } catch (e) {
      if (offline(e)) break;
      refused.push({ body, error: e });
    }
    save(pending().filter((r) => r.id !== body.id));
  }
  return { sent, refused };
}
