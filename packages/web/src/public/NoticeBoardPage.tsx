import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { LoginOutlined, PhoneOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { notices, type PublicNotice } from '../api/notices.ts';
import { useAuth } from '../platform/auth/AuthContext.tsx';
import { ErrorAlert } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { keys } from '../common/query.ts';
import { useI18n, type Lang, type Translate } from '../i18n/index.tsx';
import { LangSwitch } from '../shell/layout/LangSwitch.tsx';
import { Logo } from '../shell/layout/Logo.tsx';
import { isInterruptionKind, KindTag } from '../service/notices/labels.tsx';

type Filter = 'all' | 'gas' | 'heating';

function NoticeCard({ n, t, lang }: { n: PublicNotice; t: Translate; lang: Lang }) {
  const colon = lang === 'zh' ? '：' : ': ';
  const time = (s: string | null) => (s ? formatShanghai(s, false) : '—');
  const interruption = isInterruptionKind(n.kind);
  return (
    <Card
      size="small"
      data-testid="board-notice"
      title={
        <Space wrap size={6}>
          <KindTag kind={n.kind} t={t} />
          <span>{n.title}</span>
        </Space>
      }
      extra={
        <Space size={4}>
          {n.overrun ? <Tag color="error">{t('nt.overrun')}</Tag> : null}
          {interruption && n.status === 'restored' ? (
            <Tag color="green">{t('nt.status.restored')}</Tag>
          ) : null}
          {n.revision > 1 ? <Tag>{t('nt.revision', { n: n.revision })}</Tag> : null}
        </Space>
      }
    >
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <Typography.Text type="secondary">
          {t('nt.communities')}
          {colon}
        </Typography.Text>
        {n.communities.join('、')}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <Typography.Text type="secondary">
          {t('nt.startsAt')}
          {colon}
        </Typography.Text>
        {time(n.startsAt)}
        {interruption ? (
          <>
            {'　'}
            <Typography.Text type="secondary">
              {t('nt.expectedRestoreAt')}
              {colon}
            </Typography.Text>
            <Typography.Text strong>{time(n.expectedRestoreAt)}</Typography.Text>
          </>
        ) : null}
      </Typography.Paragraph>
      {n.cause ? (
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          <Typography.Text type="secondary">
            {t('nt.cause')}
            {colon}
          </Typography.Text>
          {n.cause}
          {n.repairSection
            ? lang === 'zh'
              ? `（${t('nt.repairSection')}：${n.repairSection}）`
              : ` (${t('nt.repairSection')}: ${n.repairSection})`
            : ''}
        </Typography.Paragraph>
      ) : null}
      {n.safetyAdvice ? (
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          <Typography.Text type="secondary">
            {t('nt.safetyAdvice')}
            {colon}
          </Typography.Text>
          {n.safetyAdvice}
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
        {n.enterpriseName} · {n.noticeNo} · {n.clause} · {t('nt.publishedAt')} {time(n.publishedAt)}
        {n.managerName || n.managerPhone
          ? ` · ${t('nt.managerName')} ${n.managerName} ${n.managerPhone}`
          : ''}{' '}
        · <PhoneOutlined /> {t('nt.hotline')} {n.hotline}
      </Typography.Paragraph>
    </Card>
  );
}

/** /notice-board — the public board of current notices (H-6.1.4 "采用多种方式进行公告", H-6.2.6 公示), no sign-in. */
export function NoticeBoardPage() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const [filter, setFilter] = useState<Filter>('all');
  const data = useQuery({
    queryKey: keys.noticeBoard(filter),
    queryFn: () => notices.board(filter === 'all' ? undefined : filter),
    placeholderData: keepPreviousData,
  });
  const items = data.data?.items ?? [];
  const current = items.filter((n) => n.current);
  const recent = items.filter((n) => !n.current);
  const grid = (list: PublicNotice[]) => (
    <Row gutter={[16, 16]}>
      {list.map((n) => (
        <Col key={n.id} xs={24} lg={12}>
          <NoticeCard n={n} t={t} lang={lang} />
        </Col>
      ))}
    </Row>
  );
  return (
    <div className="public-page">
      <header className="public-header">
        <Link to="/notice-board" className="brand" style={{ padding: 0, height: 'auto' }}>
          <Logo size={28} />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <Space>
          <LangSwitch />
          <Link to={user ? '/' : '/login'}>
            <Button icon={<LoginOutlined />}>{user ? t('cat.backToApp') : t('login.submit')}</Button>
          </Link>
        </Space>
      </header>
      <main className="public-main" data-testid="page-notice-board">
        <div className="page-title">
          <Typography.Title level={4}>{t('nt.boardTitle')}</Typography.Title>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'heating', label: t('cat.sector.heating') },
              { value: 'gas', label: t('cat.sector.gas') },
            ]}
          />
        </div>
        <Typography.Paragraph type="secondary">{t('nt.boardIntro')}</Typography.Paragraph>
        <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />
        {data.isFetching && !data.data ? <Spin style={{ display: 'block', margin: '60px auto' }} /> : null}
        <Typography.Title level={5}>{t('nt.current')}</Typography.Title>
        {data.data && current.length === 0 ? <Empty description={t('nt.noneCurrent')} /> : grid(current)}
        {recent.length > 0 ? (
          <>
            <Typography.Title level={5} style={{ marginTop: 24 }}>
              {t('nt.recent')}
            </Typography.Title>
            {grid(recent)}
          </>
        ) : null}
      </main>
    </div>
  );
}
