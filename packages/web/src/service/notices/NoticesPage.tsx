import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Select, Space, Table, Typography } from 'antd';
import { NotificationOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { NoticeKind } from '../../api/notices.ts';
import { notices, type Notice } from '../../api/notices.ts';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { keys } from '../../common/query.ts';
import { useI18n } from '../../i18n/index.tsx';
import { NoticeForm } from './NoticeForm.tsx';
import { canPublishNotices, KindTag, KINDS_BY_SECTOR, noticeSectorOf, StatusTags } from './labels.tsx';

/** /notices — the company's filling, commissioning and interruption notices (H-6.1.4, H-6.2.6, H-6.4.5, G-6.2.12). */
export function NoticesPage() {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const [kind, setKind] = useState<NoticeKind | undefined>();
  const [status, setStatus] = useState<'published' | 'restored' | undefined>();
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: keys.noticeList({ kind, status }),
    queryFn: () => notices.list({ kind, status }),
    placeholderData: keepPreviousData,
  });
  const sector = noticeSectorOf(user.enterpriseKind);
  const kinds = sector
    ? KINDS_BY_SECTOR[sector]
    : [...KINDS_BY_SECTOR.heating, 'planned_interruption' as const];
  const regulator = user.role === 'regulator';

  return (
    <div data-testid="page-notices">
      <div className="page-title">
        <Typography.Title level={4}>{t('nt.title')}</Typography.Title>
        <Space wrap>
          <Select
            allowClear
            placeholder={t('nt.kind')}
            style={{ width: 170 }}
            value={kind}
            onChange={setKind}
            options={kinds.map((k) => ({ value: k, label: t(`nt.kind.${k}`) }))}
          />
          <Select
            allowClear
            placeholder={t('nt.status')}
            style={{ width: 120 }}
            value={status}
            onChange={setStatus}
            options={[
              { value: 'published', label: t('nt.status.published') },
              { value: 'restored', label: t('nt.status.restored') },
            ]}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} />
          <Link to="/notice-board" target="_blank">
            <Button icon={<NotificationOutlined />}>{t('nt.board')}</Button>
          </Link>
          {canPublishNotices(user.role, user.enterpriseKind) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="notice-new"
            >
              {t('nt.new')}
            </Button>
          ) : null}
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('nt.intro')}</Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<Notice>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        // Every column has a width and the table scrolls past their sum, so nothing overlaps on a 1440 px screen.
        scroll={{ x: regulator ? 1480 : 1300 }}
        onRow={(n) => ({ onClick: () => navigate(`/notices/${n.id}`), style: { cursor: 'pointer' } })}
        data-testid="notices-table"
        columns={[
          { title: t('nt.no'), dataIndex: 'noticeNo', className: 'nowrap', width: 150 },
          { title: t('nt.kind'), key: 'kind', width: 130, render: (_, n) => <KindTag kind={n.kind} t={t} /> },
          ...(regulator ? [{ title: t('nt.enterprise'), dataIndex: 'enterpriseName', width: 180 }] : []),
          {
            title: t('nt.titleField'),
            key: 'title',
            width: 220,
            render: (_, n) => (
              <Link to={`/notices/${n.id}`} onClick={(e) => e.stopPropagation()}>
                {n.title}
              </Link>
            ),
          },
          {
            title: t('nt.communities'),
            key: 'communities',
            width: 160,
            ellipsis: true,
            render: (_, n) => n.communities.join('、'),
          },
          {
            title: t('nt.startsAt'),
            key: 'startsAt',
            className: 'nowrap',
            width: 150,
            render: (_, n) => formatShanghai(n.startsAt, false),
          },
          {
            title: t('nt.expectedRestoreAt'),
            key: 'restore',
            className: 'nowrap',
            width: 150,
            render: (_, n) => formatShanghai(n.expectedRestoreAt, false) || '—',
          },
          { title: t('nt.status'), key: 'status', width: 170, render: (_, n) => <StatusTags n={n} t={t} /> },
          { title: t('nt.recipients'), dataIndex: 'recipients', align: 'right', width: 100 },
          {
            title: t('nt.publishedAt'),
            key: 'publishedAt',
            className: 'nowrap',
            width: 150,
            render: (_, n) => formatShanghai(n.publishedAt, false),
          },
        ]}
      />
      {sector ? (
        <NoticeForm
          open={creating}
          sector={sector}
          onClose={() => setCreating(false)}
          onDone={(id) => {
            setCreating(false);
            navigate(`/notices/${id}`);
          }}
        />
      ) : null}
    </div>
  );
}
