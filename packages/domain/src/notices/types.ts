// Service notices to customers: filling and commissioning (H-6.1.4, H-6.2.6), interruptions (H-6.4.5.2,
// G-6.2.12). Which kinds exist for which sector, and what a draft carries.

import type { Messages } from '../errors.ts';

export type NoticeSector = 'gas' | 'heating';

export type NoticeKind = 'filling' | 'commissioning' | 'planned_interruption' | 'unplanned_interruption';

export const NOTICE_KINDS: readonly NoticeKind[] = [
  'filling',
  'commissioning',
  'planned_interruption',
  'unplanned_interruption',
];

/** The kinds each sector's standard asks for, with the clause behind each. */
export const NOTICE_KIND_CLAUSES: Record<NoticeSector, Partial<Record<NoticeKind, string>>> = {
  heating: {
    filling: 'H-6.1.4', // 注水、调试 … 提前7天公告
    commissioning: 'H-6.2.6', // 充水调试 … 张贴公告通知，提前7天公示
    unplanned_interruption: 'H-6.4.5', // 突发供热中断：预计超过24h告知受影响热用户
  },
  gas: {
    planned_interruption: 'G-6.2.12', // 计划性降压或暂停供气：72h前公告和通知
    unplanned_interruption: 'G-6.2.12', // 突发停气：及时通知停气影响范围内的用户
  },
};

export const NOTICE_KIND_LABELS: Record<NoticeKind, Messages> = {
  filling: { zh: '注水公告', en: 'Filling notice' },
  commissioning: { zh: '充水调试公告', en: 'Commissioning notice' },
  planned_interruption: { zh: '计划停气公告', en: 'Planned interruption notice' },
  unplanned_interruption: { zh: '突发停供通知', en: 'Interruption notice' },
};

/** What the company writes; times are instants (UTC inside, Asia/Shanghai when shown). */
export interface NoticeDraft {
  sector: NoticeSector;
  kind: NoticeKind;
  title: string;
  /** 停热/停气原因 (H-6.4.5.2, G-6.2.12 d). */
  cause: string;
  /** 小区地址 / 停热范围 / 停气范围: the communities affected, as the premises archive names them. */
  communities: string[];
  /** 抢修路段 (H-6.4.5.2). */
  repairSection: string;
  /** 片区负责人、联系电话 (H-6.2.6). */
  managerName: string;
  managerPhone: string;
  /** Filling/commissioning time, or the interruption start. */
  startsAt: Date;
  /** 预计恢复供热/供气时间. */
  expectedRestoreAt: Date | null;
  /** 安全注意事项 (G-6.2.12 d). */
  safetyAdvice: string;
  /** Why a planned gas outage runs past the normal 24 h (G-6.2.12 b: "一般不应超过24h"). */
  durationReason: string;
}

export const isInterruption = (kind: NoticeKind): boolean =>
  kind === 'planned_interruption' || kind === 'unplanned_interruption';
