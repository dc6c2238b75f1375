import { overrunDue, type NoticeKind } from '@ranre/domain';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { enterprises } from '../../../db/schema.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './notices.repository.ts';
import { draftOf, queue } from './notices.publish.ts';

// H-6.4.5.2 ("超时停热时应再次通知热用户") and G-6.2.12 e ("超时停气应再次通知用户"): once an interruption passes its
// expected restore time without being restored, the affected households are told again — once per expected
// restore time (the dedupe key carries the revision; a revision with a new time may be overrun and told again).

export const NOTICE_OVERRUN_JOB = 'notice-overrun';

export interface OverrunResult {
  notices: number;
  messages: number;
}

/** One pass as of `now`; callable directly (tests, CLI) with any `now`. */
export async function runNoticeOverruns(deps: { database: Database }, now: Date): Promise<OverrunResult> {
  const { db } = deps.database;
  const result: OverrunResult = { notices: 0, messages: 0 };
  for (const id of await repo.dueOverruns(db, now)) {
    const sent = await db.transaction(async (tx) => {
      const row = await repo.lockNotice(tx, id);
      if (!row || !overrunDue({ ...row, kind: row.kind as NoticeKind }, now)) return null;
      const [ent] = await tx
        .select({ name: enterprises.name })
        .from(enterprises)
        .where(eq(enterprises.id, row.enterpriseId));
      const draft = draftOf(row);
      const n = await queue(
        tx,
        id,
        row.enterpriseId,
        ent?.name ?? '',
        draft,
        row.clause,
        'overrun',
        row.revision,
        now,
      );
      await repo.updateNotice(tx, id, { overrunNotifiedAt: now, version: row.version + 1, updatedAt: now });
      await appendAudit(tx, {
        actor: null,
        enterpriseId: row.enterpriseId,
        action: 'notice.overrun',
        entity: 'service_notice',
        entityId: id,
        after: { clause: row.clause, expectedRestoreAt: row.expectedRestoreAt, recipients: n },
      });
      return n;
    });
    if (sent === null) continue;
    result.notices += 1;
    result.messages += sent;
  }
  return result;
}
