import type { AppContext } from '../core/context.ts';
import { sendQueuedNotifications } from '../modules/platform/notifications/notifications.service.ts';
import type { JobRunner } from './runner.ts';
import { OVERDUE_REMINDERS_JOB, runOverdueReminders } from './overdue-reminders.ts';

export const NOTIFICATION_SENDER_JOB = 'notification-sender';

/** The outbox sender every minute; overdue reminders (G-6.2.9) every morning at 09:00 Asia/Shanghai. */
export async function registerBillingJobs(runner: JobRunner, ctx: AppContext): Promise<void> {
  await runner.register(
    NOTIFICATION_SENDER_JOB,
    async () => {
      await sendQueuedNotifications(ctx.database, ctx.now());
    },
    '* * * * *',
  );
  await runner.register(
    OVERDUE_REMINDERS_JOB,
    async () => {
      await runOverdueReminders(ctx, ctx.now());
    },
    '0 9 * * *',
  );
}
