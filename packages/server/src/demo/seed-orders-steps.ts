import { catalogueItem } from '@ranre/domain';
import type { OrderSpec, Path } from './seed-orders-plan.ts';

// The events of one demo order, as its people would record them: who acts, when, with what. The order of
// steps follows H-7.3.4 and each item's own clocks (a contact within 0.5 h, an agreed visit time, design and
// construction pauses); `late` moves the first response past its limit. seed-orders.ts replays them through
// the domain, so a step the rules refuse fails the seed instead of storing an impossible order.

export type Who = 'agent' | 'dispatcher' | 'tech' | 'regulator' | 'resident';
type Stage = Exclude<Path, 'received' | 'redispatched' | 'referred' | 'cancelled' | 'refused'>;

export interface Planned {
  at: Date;
  who: Who;
  event: { type: string } & Record<string, unknown>;
  stage?: Stage;
}

export interface StepContext {
  spec: OrderSpec;
  receivedAt: Date;
  caller: string;
  techName: string;
  ids: { tech: string };
  /** A number in [0, 1) from the seeded generator. */
  rnd: () => number;
}

/** Items whose 0.5 h response is a contact (G-6.2.13 commitment, H-7.4.3). */
const CONTACT_FIRST = new Set(['gas_repair', 'heating_quality_complaint']);
/** H-7.3.9: a heating leak is answered with an agreed visit time. */
const APPOINT_FIRST = new Set(['heating_leak']);
const EMERGENCY = new Set(['gas_indoor_leak']);
const DESIGN = new Set(['gas_connection', 'heating_connection']);
const NO_VISIT = new Set(['meter_test_dispute']);
const PUBLIC_FACILITY = new Set(['valve_pit_cover']);
const FAR_APPOINTMENT = new Set([
  'gas_facility_change',
  'gas_facility_change_non_resident',
  'heating_resumption',
]);
/** H-7.1.8: the agreed time is when the valve is open, not when someone arrives. */
const DONE_BY_AGREED = new Set(['heating_resumption']);
/** G-6.2.10: the work's 5 working days count from the agreed time, so the work starts then. */
const STARTS_AT_AGREED = new Set(['gas_facility_change', 'gas_facility_change_non_resident']);

class Timeline {
  readonly out: Planned[] = [];
  constructor(public t: Date) {}
  add(gapMinutes: number, who: Who, event: Planned['event'], stage?: Stage): Date {
    this.t = new Date(this.t.getTime() + Math.round(gapMinutes) * 60_000);
    this.out.push({ at: this.t, who, event, ...(stage ? { stage } : {}) });
    return this.t;
  }
  /** Moves on to `when` if it is later (an agreed time). */
  waitUntil(when: Date) {
    if (when.getTime() > this.t.getTime()) this.t = when;
  }
}

const between = (rnd: () => number, lo: number, hi: number) => lo + rnd() * (hi - lo);

/** Every event of the order's full run, then cut where its path stops. */
export function plannedEvents(c: StepContext): Planned[] {
  const { spec } = c;
  const tl = new Timeline(c.receivedAt);
  const special = specialPath(c, tl);
  if (special) return special;
  beforeDispatch(c, tl);
  if (catalogueItem(spec.item).category === 'consultation') {
    answerAtOnce(c, tl);
    return cut(tl.out, spec.path);
  }
  handle(c, tl, spec.dissatisfiedFirst || spec.path === 'redispatched' ? 'dissatisfied' : 'satisfied');
  return cut(tl.out, spec.path);
}

function specialPath(c: StepContext, tl: Timeline): Planned[] | null {
  const who: Who = c.spec.byResident ? 'resident' : 'agent';
  switch (c.spec.path) {
    case 'referred':
      tl.add(4, 'agent', {
        type: 'referred',
        referral: { to: '小区物业服务中心', contact: '0533-2876543', note: '楼道公共照明不属供气/供热范围' },
      });
      return tl.out;
    case 'cancelled':
      tl.add(between(c.rnd, 30, 120), who, { type: 'cancelled', reason: '用户来电告知已自行处理，撤销申请' });
      return tl.out;
    case 'refused':
      tl.add(2 * 24 * 60, 'agent', {
        type: 'refused',
        reason: '改装方案不符合燃气设施安全间距要求',
        missingDocuments: ['房屋产权证明'],
        writtenNoticeRef: `BSL-${c.receivedAt.toISOString().slice(0, 10).replaceAll('-', '')}-01`,
      });
      return tl.out;
    default:
      return null;
  }
}

/** An enquiry answered by whoever took it: no dispatch, and it closes without a return visit (H-7.3.4). */
function answerAtOnce(c: StepContext, tl: Timeline) {
  const result = '已当场解答用户咨询，并告知相关收费标准和办理流程';
  const done = tl.add(
    between(c.rnd, 3, 12),
    'agent',
    { type: 'completed', record: { result, onSite: false } },
    'completed',
  );
  tl.add(
    2,
    'agent',
    {
      type: 'feedback_given',
      feedback: { staffName: '坐席', customer: c.caller, handledAt: done, result },
    },
    'feedback',
  );
  tl.add(1, 'agent', { type: 'closed' }, 'closed');
}

/** While the order waits for dispatch: the 0.5 h contact or reply, the regulator's decision on a complaint. */
function beforeDispatch(c: StepContext, tl: Timeline) {
  const { spec, rnd } = c;
  const first = spec.late ? between(rnd, 40, 65) : between(rnd, 5, 20);
  if (CONTACT_FIRST.has(spec.item)) {
    tl.add(first, 'agent', { type: 'customer_contacted', note: '已回电用户，说明处置安排并告知注意事项' });
  }
  if (APPOINT_FIRST.has(spec.item)) {
    const agreed = new Date(tl.t.getTime() + (first + 120) * 60_000);
    tl.add(first, 'agent', { type: 'appointment_agreed', agreedAt: agreed });
  }
  if (spec.judged) {
    const reasonable = spec.judged === 'reasonable';
    tl.add(between(rnd, 20, 50), 'dispatcher', {
      type: 'complaint_judged',
      reasonable,
      basis: reasonable
        ? '供热合同第五条：服务规范与响应时限'
        : '《山东省供热条例》：供热设施施工依法设置围挡',
      ...(reasonable ? {} : { reason: '围挡为依法占道施工所设，工期已公告，不属于企业服务过错' }),
    });
  }
  if (spec.responsibility) {
    tl.add(between(rnd, 60, 180), 'regulator', {
      type: 'responsibility_decided',
      responsibility: spec.responsibility,
    });
  }
}

function handle(c: StepContext, tl: Timeline, visit: 'satisfied' | 'dissatisfied') {
  const { spec, rnd } = c;
  const emergency = EMERGENCY.has(spec.item);
  const complaint = catalogueItem(spec.item).category === 'complaint';
  const remote = complaint || NO_VISIT.has(spec.item);
  tl.add(
    emergency ? 2 : spec.item === 'heating_connection' ? 12 : between(rnd, 8, 40),
    'dispatcher',
    {
      type: 'dispatched',
      assignee: c.ids.tech,
    },
    'dispatched',
  );
  tl.add(emergency ? 2 : between(rnd, 5, 30), 'tech', { type: 'accepted' }, 'accepted');
  if (DESIGN.has(spec.item)) {
    tl.add(24 * 60, 'tech', { type: 'design_started' });
    tl.add(2 * 24 * 60, 'tech', { type: 'design_finished' });
    tl.add(24 * 60, 'tech', { type: 'construction_started' });
    tl.add(2 * 24 * 60, 'tech', { type: 'construction_finished' });
  }
  work(c, tl, { emergency, remote, complaint, round: 1 });
  tl.add(between(rnd, 20, 24 * 60), 'agent', {
    type: 'return_visited',
    satisfaction:
      visit === 'dissatisfied' ? 'dissatisfied' : rnd() < 0.8 ? 'satisfied' : 'basically_satisfied',
    ...(visit === 'dissatisfied' ? { note: '用户反映问题仍未解决' } : {}),
  });
  if (visit === 'dissatisfied') {
    tl.add(
      between(rnd, 60, 180),
      'dispatcher',
      {
        type: 'redispatched',
        assignee: c.ids.tech,
        reason: '回访不满意，再次派单复查',
      },
      'dispatched',
    );
    tl.add(between(rnd, 10, 30), 'tech', { type: 'accepted' }, 'accepted');
    work(c, tl, { emergency, remote, complaint, round: 2 });
    tl.add(24 * 60, 'agent', { type: 'return_visited', satisfaction: 'satisfied' });
  }
  tl.add(between(rnd, 5, 30), 'agent', { type: 'closed' }, 'closed');
}

/** Appointment, arrival, the signed record and the feedback (G-5.9.2, G-5.9.7, G-5.9.8). */
function work(
  c: StepContext,
  tl: Timeline,
  o: { emergency: boolean; remote: boolean; complaint: boolean; round: number },
) {
  const { spec, rnd } = c;
  if (!o.remote && !o.emergency && !APPOINT_FIRST.has(spec.item) && spec.item !== 'valve_pit_cover') {
    const ahead = FAR_APPOINTMENT.has(spec.item)
      ? 24 * 60 * (1 + Math.floor(rnd() * 3))
      : between(rnd, 90, 240);
    tl.add(5, 'tech', {
      type: 'appointment_agreed',
      agreedAt: new Date(tl.t.getTime() + (5 + ahead) * 60_000),
    });
  }
  const agreed = [...tl.out].reverse().find((p) => p.event.type === 'appointment_agreed')?.event.agreedAt;
  if (!o.remote) {
    if (agreed instanceof Date && agreed.getTime() > tl.t.getTime()) {
      // On time for the agreed visit (G-5.9.2); where the agreed time is when the work must be done, earlier.
      const lead = DONE_BY_AGREED.has(spec.item) ? 150 : STARTS_AT_AGREED.has(spec.item) ? 0 : 20;
      tl.waitUntil(new Date(agreed.getTime() - lead * 60_000));
      tl.add(between(rnd, 0, 12), 'tech', { type: 'arrived_on_site' }, 'on_site');
    } else {
      const gap = o.emergency ? (spec.late ? 38 : between(rnd, 12, 22)) : between(rnd, 20, 60);
      tl.add(gap, 'tech', { type: 'arrived_on_site' }, 'on_site');
    }
  }
  const result = o.complaint
    ? '已核实投诉情况，向用户说明处理结果并致歉'
    : o.round === 2
      ? '复查后更换故障部件，试运行正常'
      : '现场检修完毕，试运行正常';
  const record = o.remote
    ? { result, onSite: false }
    : PUBLIC_FACILITY.has(spec.item)
      ? { result: '更换井盖并设置警示', onSite: true, signatureRefusedReason: '公共区域设施，无用户在场签字' }
      : { result, onSite: true, signature: true };
  const done = tl.add(
    o.remote ? between(rnd, 12 * 60, 48 * 60) : between(rnd, 30, 120),
    'tech',
    {
      type: 'completed',
      record,
    },
    'completed',
  );
  tl.add(
    between(rnd, 15, 60),
    'tech',
    {
      type: 'feedback_given',
      feedback: { staffName: c.techName, customer: c.caller, handledAt: done, result },
      ...(o.complaint ? complaintAnswer(spec) : {}),
    },
    'feedback',
  );
}

/** H-7.4.10.4 findings for a complaint counted as responsible (undecided too, H-7.4.8); H-7.4.9 otherwise. */
function complaintAnswer(spec: OrderSpec) {
  if (spec.responsibility === 'non_responsible') {
    return { explanation: { policy: '《淄博市城镇供热服务规范》及供用热合同相关约定，已向用户说明' } };
  }
  return {
    findings: {
      facts: '经核查，投诉反映情况属实',
      correctiveMeasures: '对相关人员开展服务规范培训，优化上门预约流程',
      accountability: '对责任班组通报批评，当事人扣减当月绩效',
    },
  };
}

/** The run up to where the order's path stops ('received': before its dispatch). */
function cut(out: Planned[], path: Path): Planned[] {
  if (path === 'closed' || path === 'redispatched') return out;
  if (path === 'received') {
    const i = out.findIndex((p) => p.stage !== undefined);
    return i < 0 ? out : out.slice(0, i);
  }
  const i = out.findIndex((p) => p.stage === path);
  return i < 0 ? out : out.slice(0, i + 1);
}
