import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { CheckCircleOutlined, EditOutlined, NotificationOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { notices, type NoticeMessage } from '../../api/notices.ts';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { keys } from '../../common/query.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { pick } from '../orders/labels.ts';
import { NoticeForm } from './NoticeForm.tsx';
import { canPublishNotices, isInterruptionKind, KindTag, noticeSectorOf, StatusTags } from './labels.tsx';

/** /notices/:id — one notice as published, its revisions on file, and the households reached through the outbox. */
export function NoticeDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const [revising, setRevising] = useState(false);
  const [busy, setBusy] = useState(false);
  const queries = useQueryClient();
  const d = useQuery({ queryKey: keys.notice(id), queryFn: () => notices.get(id) });
  // A write changes the notice, the list and the public board: refetch everything under `notices`.
  const reload = () => void queries.invalidateQueries({ queryKey: keys.notices });
  const n = d.data;
  if (!n)
    return d.error ? (
      <ErrorAlert error={d.error} onRetry={() => void d.refetch()} />
    ) : (
      <Spin style={{ display: 'block', margin: '80px auto' }} />
    );

  const mine = String(n.enterpriseId) === String(user.enterpriseId);
  const canWrite = mine && canPublishNotices(user.role, user.enterpriseKind) && n.status === 'published';
  const interruption = isInterruptionKind(n.kind);
  const sector = noticeSectorOf(user.enterpriseKind);

  const restore = async () => {
    setBusy(true);
    try {
      await notices.restore(n.id, { version: n.version });
      message.success(t('nt.restored'));
      reload();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  const time = (s: string | null) => (s ? formatShanghai(s, false) : '—');
  return (
    <div data-testid="page-notice">
      <div className="page-title">
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {n.title}
          </Typography.Title>
          <KindTag kind={n.kind} t={t} />
          <StatusTags n={n} t={t} />
          <Tag>{t('nt.revision', { n: n.revision })}</Tag>
        </Space>
        <Space wrap>
          <Link to="/notice-board" target="_blank">
            <Button icon={<NotificationOutlined />}>{t('nt.viewBoard')}</Button>
          </Link>
          {canWrite ? (
            <Button icon={<EditOutlined />} onClick={() => setRevising(true)} data-testid="notice-revise">
              {t('nt.revise')}
            </Button>
          ) : null}
          {canWrite && interruption ? (
            <Popconfirm title={t('nt.restoreConfirm')} onConfirm={restore}>
              <Button
                type="primary"
                icon={<CheckCircleOutlined />}
                loading={busy}
                data-testid="notice-restore"
              >
                {t('nt.restore')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Descriptions column={1} size="small" bordered labelStyle={{ width: 140 }}>
              <Descriptions.Item label={t('nt.no')}>
                {n.noticeNo} · {n.clause}
              </Descriptions.Item>
              <Descriptions.Item label={t('nt.enterprise')}>{n.enterpriseName}</Descriptions.Item>
              <Descriptions.Item label={t('nt.communities')}>{n.communities.join('、')}</Descriptions.Item>
              <Descriptions.Item label={t('nt.startsAt')}>{time(n.startsAt)}</Descriptions.Item>
              {interruption ? (
                <>
                  <Descriptions.Item label={t('nt.expectedRestoreAt')}>
                    {time(n.expectedRestoreAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('nt.actualRestoreAt')}>
                    {time(n.actualRestoreAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('nt.cause')}>{n.cause}</Descriptions.Item>
                  {n.repairSection ? (
                    <Descriptions.Item label={t('nt.repairSection')}>{n.repairSection}</Descriptions.Item>
                  ) : null}
                  {n.safetyAdvice ? (
                    <Descriptions.Item label={t('nt.safetyAdvice')}>{n.safetyAdvice}</Descriptions.Item>
                  ) : null}
                  {n.durationReason ? (
                    <Descriptions.Item label={t('nt.durationReason')}>{n.durationReason}</Descriptions.Item>
                  ) : null}
                </>
              ) : null}
              <Descriptions.Item label={t('nt.managerName')}>
                {[n.managerName, n.managerPhone].filter(Boolean).join('  ') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('nt.publishedAt')}>{time(n.publishedAt)}</Descriptions.Item>
              {n.leadExplanation ? (
                <Descriptions.Item label={t('nt.lead')}>{pick(n.leadExplanation, lang)}</Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('nt.outbox')} style={{ marginBottom: 16 }}>
            <Row gutter={8}>
              <Col span={8}>
                <Statistic
                  title={t('nt.recipients')}
                  value={n.recipients}
                  valueStyle={{ color: '#1f6fb2' }}
                  data-testid="notice-recipients"
                />
              </Col>
              <Col span={8}>
                <Statistic title={t('nt.sent')} value={n.outbox.sent} />
              </Col>
              <Col span={8}>
                <Statistic title={t('nt.queued')} value={n.outbox.queued} />
              </Col>
              <Col span={8}>
                <Statistic
                  title={t('nt.failed')}
                  value={n.outbox.failed}
                  valueStyle={n.outbox.failed ? { color: '#cf1322' } : undefined}
                />
              </Col>
              {interruption ? (
                <Col span={16}>
                  <Statistic title={t('nt.overrunRecipients')} value={n.overrunRecipients} />
                </Col>
              ) : null}
            </Row>
          </Card>
          <Card size="small" title={t('nt.revisions')}>
            <Timeline
              items={n.revisions.map((v) => ({
                children: (
                  <div>
                    <Typography.Text strong>{t('nt.revision', { n: v.revision })}</Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {time(v.publishedAt)} · {t('nt.recipients')} {v.recipients}
                    </Typography.Text>
                    {v.reason ? <div>{v.reason}</div> : null}
                    {v.content.expectedRestoreAt ? (
                      <div>
                        {t('nt.expectedRestoreAt')}: {time(String(v.content.expectedRestoreAt))}
                      </div>
                    ) : null}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('nt.messages')} style={{ marginTop: 16 }}>
        <Table<NoticeMessage>
          rowKey="id"
          size="small"
          dataSource={n.messages}
          pagination={false}
          scroll={{ x: 700 }}
          columns={[
            { title: t('nt.customer'), dataIndex: 'customerName' },
            {
              title: t('nt.channel'),
              key: 'channel',
              render: (_, m) => t(`nt.channel.${m.channel}` as MessageKey),
            },
            { title: t('nt.recipient'), dataIndex: 'recipient', ellipsis: true },
            {
              title: t('nt.kind'),
              key: 'kind',
              render: (_, m) =>
                m.kind.endsWith('_overrun') ? (
                  <Tag color="error">{t('nt.msgKind.overrun')}</Tag>
                ) : (
                  <Tag>{t('nt.msgKind.notice')}</Tag>
                ),
            },
            {
              title: t('nt.status'),
              key: 'status',
              render: (_, m) => (
                <Tag color={m.status === 'sent' ? 'green' : m.status === 'failed' ? 'red' : 'default'}>
                  {t(`nt.msgStatus.${m.status}` as MessageKey)}
                </Tag>
              ),
            },
            {
              title: t('nt.publishedAt'),
              key: 'at',
              className: 'nowrap',
              render: (_, m) => time(m.sentAt ?? m.createdAt),
            },
          ]}
        />
      </Card>
      {sector && revising ? (
        <NoticeForm
          open={revising}
          sector={sector}
          revising={n}
          onClose={() => setRevising(false)}
          onDone={() => {
            setRevising(false);
            reload();
          }}
        />
      ) : null}
    </div>
  );
}
