import { DomainError } from '@ranre/domain';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { CliError } from './errors.ts';

const USAGE = `ranre — 燃热 城镇燃气与供热客户服务平台

usage:
  ranre serve                          start server, web UI and job runner (PORT, DATA_DIR, DATABASE_URL)
  ranre migrate                        apply database migrations
  ranre seed                           load the demo enterprises, staff and logins (once)
  ranre user add --username U --role R --enterprise <credit code> --password P [--name 显示名]
  ranre calendar import <notice.json>  add a year's holiday notice (holiday-cn format) and declare the year known
  ranre billing run --enterprise <name|id|credit code> --period YYYY-MM
                                       bill a month (G-6.2.3), printing progress and the summary; resumes
  ranre due <start> <limit> [--calendar notice.json]
                                       deadline: start ISO 8601 with offset; limit 5wd | 0.5h | 10d
`;

async function main(argv: string[]): Promise<void> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'serve':
      return (await import('../main.ts')).serve();
    case 'migrate':
      return (await import('./db-commands.ts')).migrateCommand();
    case 'seed':
      return (await import('./db-commands.ts')).seedCommand();
    case 'user':
      if (rest[0] !== 'add')
        throw new CliError('usage: ranre user add --username U --role R --enterprise CODE --password P');
      return (await import('./db-commands.ts')).userAddCommand(rest.slice(1));
    case 'calendar':
      if (rest[0] !== 'import' || !rest[1]) throw new CliError('usage: ranre calendar import <notice.json>');
      return (await import('./db-commands.ts')).calendarImportCommand(rest[1]);
    case 'billing':
      return (await import('./billing.ts')).billingCommand(rest);
    case 'due': {
      const { positionals, values } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { calendar: { type: 'string', multiple: true } },
      });
      if (positionals.length !== 2)
        throw new CliError('usage: ranre due <start> <limit>   e.g. ranre due 2025-09-30T10:00:00+08:00 5wd');
      const { runDue } = await import('./due.ts');
      console.log(JSON.stringify(runDue(positionals[0]!, positionals[1]!, values.calendar ?? []), null, 2));
      return;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      throw new CliError(`unknown command: ${cmd}\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof DomainError) {
    console.error(`${err.code}: ${err.messages.zh} / ${err.messages.en}`);
    process.exit(2);
  }
  if (err instanceof CliError || err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  if (err instanceof Error && 'code' in err && (err as { code: string }).code.startsWith('ERR_PARSE_ARGS')) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
