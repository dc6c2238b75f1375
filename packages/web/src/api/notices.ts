/** Service notices: filling, commissioning, interruptions (H-6.1.4, H-6.2.6, H-6.4.5, G-6.2.12). */
import type { Messages, NoticeKind } from '@ranre/domain';
import { api } from './client.ts';
import type { Id, Items } from './types.ts';

export type { NoticeKind };

export interface Notice {
  id: Id;
  enterpriseId: Id;
  enterpriseName: string;
  noticeNo: string;
  sector: 'gas' | 'heating';
  kind: NoticeKind;
  kindLabel: Messages;
  clause: string;
  revision: number;
  title: string;
  cause: string;
  communities: string[];
  repairSection: string;
  managerName: string;
  managerPhone: string;
  safetyAdvice: string;
  durationReason: string;
  startsAt: string;
  expectedRestoreAt: string | null;
  actualRestoreAt: string | null;
  notifyHouseholds: boolean;
  publishedAt: string;
  status: 'published' | 'restored';
  overrun: boolean;
  overrunNotifiedAt: string | null;
  version: number;
  recipients: number;
}

export interface NoticeMessage {
  id: Id;
  channel: string;
  kind: string;
  recipient: string;
  customerName: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
}

export interface NoticeDetail extends Notice {
  outbox: { queued: number; sent: number; failed: number; total: number };
  overrunRecipients: number;
  revisions: {
    revision: number;
    reason: string;
    recipients: number;
    publishedAt: string;
    content: Record<string, unknown>;
  }[];
  messages: NoticeMessage[];
  leadExplanation: Messages | null;
}

export interface NoticeContent {
  title: string;
  cause: string;
  communities: string[];
  repairSection: string;
  managerName: string;
  managerPhone: string;
  safetyAdvice: string;
  durationReason: string;
  startsAt: string;
  expectedRestoreAt: string | null;
  notifyHouseholds: boolean;
}

export type PublicNotice = Pick<
  Notice,
  | 'id'
  | 'enterpriseName'
  | 'noticeNo'
  | 'sector'
  | 'kind'
  | 'kindLabel'
  | 'clause'
  | 'revision'
  | 'title'
  | 'cause'
  | 'communities'
  | 'repairSection'
  | 'managerName'
  | 'managerPhone'
  | 'safetyAdvice'
  | 'startsAt'
  | 'expectedRestoreAt'
  | 'actualRestoreAt'
  | 'publishedAt'
  | 'status'
  | 'overrun'
> & { hotline: string; current: boolean };

export interface Community {
  community: string;
  district: string;
  households: number;
}

export const notices = {
  list: (q: { kind?: string; status?: string; enterpriseId?: string } = {}) =>
    api.get<Items<Notice>>('/notices', q),
  get: (id: Id) => api.get<NoticeDetail>(`/notices/${id}`),
  create: (body: NoticeContent & { kind: NoticeKind }) => api.post<NoticeDetail>('/notices', body),
  revise: (id: Id, body: NoticeContent & { reason: string; version: number }) =>
    api.post<NoticeDetail>(`/notices/${id}/revisions`, body),
  restore: (id: Id, body: { actualRestoreAt?: string; version: number }) =>
    api.post<NoticeDetail>(`/notices/${id}/restore`, body),
  forCustomer: (customerId: string) =>
    api.get<Items<Notice & { script: Messages }>>('/notices/for-customer', { customerId }),
  communities: () => api.get<Items<Community>>('/notices/communities'),
  board: (sector?: 'gas' | 'heating') => api.get<Items<PublicNotice>>('/public/notices', { sector }),
};
