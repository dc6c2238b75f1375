import { parseShanghaiDateTime } from '@ranre/domain';
import { sql } from 'drizzle-orm';
import { customers, premises } from '../../../db/schema.ts';
import { buildTestApp, createUser, seedTestWorld, type TestApp } from '../../../testing/harness.ts';

// Test world of the notice tests: the test enterprises plus households in named communities.

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export interface NoticeWorld {
  t: TestApp;
  world: Awaited<ReturnType<typeof seedTestWorld>>;
  call(
    who: string | null,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    lang?: string,
  ): Promise<Res>;
  at(shanghai: string): Date;
  count(query: string): Promise<number>;
  close(): Promise<void>;
}

let seq = 0;
async function household(
  t: TestApp,
  enterpriseId: string,
  name: string,
  phone: string | null,
  communities: string[],
  status = 'active',
  kind = 'heating_resident',
) {
  seq += 1;
  const [c] = await t.database.db
    .insert(customers)
    .values({ enterpriseId, accountNo: `T${String(seq).padStart(6, '0')}`, kind, name, phone, status })
    .returning();
  for (const [i, community] of communities.entries()) {
    await t.database.db.insert(premises).values({
      enterpriseId,
      customerId: c!.id,
      district: '张店区',
      community,
      building: String(i + 1),
      address: `张店区${community}${i + 1}号楼`,
    });
  }
  return c!.id;
}

export async function noticeWorld(): Promise<NoticeWorld> {
  const t = await buildTestApp();
  const world = await seedTestWorld(t.database);
  await createUser(t.database, world.heat.id, 'heat_dispatcher', 'dispatcher');
  // heating: 华光小区 2 households reachable (+1 closed), 将军路小区 1, one household in both
  await household(t, world.heat.id, '王海涛', '13805331234', ['华光小区']);
  await household(t, world.heat.id, '李秀英', null, ['华光小区']);
  await household(t, world.heat.id, '张建国', '13905332222', ['华光小区', '将军路小区']);
  await household(t, world.heat.id, '刘强', '13905333333', ['华光小区'], 'closed');
  await household(t, world.heat.id, '陈静', '13905334444', ['将军路小区']);
  // gas: same community name, other enterprise
  await household(
    t,
    world.gas.id,
    '赵丽',
    '13705335555',
    ['华光小区', '柳泉小区'],
    'active',
    'pipeline_urban_resident',
  );
  const cookies = new Map<string, string>();
  const call: NoticeWorld['call'] = async (who, method, url, payload, lang) => {
    const headers: Record<string, string> = {};
    if (who) {
      if (!cookies.has(who)) cookies.set(who, await t.login(who));
      headers.cookie = cookies.get(who)!;
    }
    if (lang) headers['accept-language'] = lang;
    const res = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    if (res.statusCode !== 401 || !who) return res;
    // the test clock moved past the session's life: sign in again
    headers.cookie = await t.login(who);
    cookies.set(who, headers.cookie);
    return t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  };
  return {
    t,
    world,
    call,
    at: (s) => {
      const d = parseShanghaiDateTime(s);
      t.setNow(d);
      return d;
    },
    count: async (query) => {
      const r = await t.database.db.execute(sql.raw(query));
      return Number((r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
    },
    close: () => t.close(),
  };
}

/** 'YYYY-MM-DD HH:mm' Shanghai → ISO with +08:00, the way the form sends it. */
export const iso = (s: string) => `${s.replace(' ', 'T')}:00+08:00`;
