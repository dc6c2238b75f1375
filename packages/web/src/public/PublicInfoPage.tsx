import { useQuery } from '@tanstack/react-query';
import { GasQualityFacts } from '../gas/quality/GasQualityFacts.tsx';
import { PublishedResults } from '../residents/PublishedResults.tsx';
import type { ReactNode } from 'react';
import { Alert, Button, Card, Collapse, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { LoginOutlined, PhoneOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { http, ok } from '../api/client.ts';
import type { Ok } from '../api/contract.ts';
import { m3 } from '../api/billing.ts';
import type { CatalogueItem } from '../api/workorders.ts';
import { CatalogueItemPanel, clockSummary } from '../service/catalogue/CatalogueItemPanel.tsx';
import { feeText } from '../service/catalogue/fee.ts';
import { ErrorAlert } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useI18n, type MessageKey, type Translate } from '../i18n/index.tsx';
import { LangSwitch } from '../shell/layout/LangSwitch.tsx';
import { Logo } from '../shell/layout/Logo.tsx';
import { pick } from '../service/orders/labels.ts';
import { PublicCharter } from '../residents/PublicCharter.tsx';
import { PublicCommitments } from './PublicCommitments.tsx';
import { PublicRules } from '../residents/PublicRules.tsx';

type Info = Ok<'/api/public/enterprises/{id}'>;
type Price = Info['prices'][number];

const CLASS_KEYS: Record<string, MessageKey> = {
  residential: 'pub.class.residential',
  non_residential: 'pub.class.non_residential',
  heating_resident: 'pub.class.heating_resident',
  heating_non_resident: 'pub.class.heating_non_resident',
};

const yuan = (fen: number) => (fen / 100).toFixed(2);

function priceText(p: Price, t: Translate): string {
  const h = p.heating as {
    method?: string;
    fenPerM2PerSeason?: number;
    baseFenPerM2?: number;
    fenPerKwh?: number;
  } | null;
  if (h?.method === 'area') return t('pub.heatArea', { yuan: yuan(h.fenPerM2PerSeason ?? 0) });
  if (h?.method === 'two_part')
    return t('pub.heatTwoPart', { base: yuan(h.baseFenPerM2 ?? 0), kwh: yuan(h.fenPerKwh ?? 0) });
  return p.tiers
    .map((tier, i) =>
      tier.upTo === null
        ? t(i === 0 ? 'pub.flat' : 'pub.tierAbove', { yuan: yuan(tier.price) })
        : t('pub.tierUpTo', { m3: m3(tier.upTo).replace(/\.000$/, ''), yuan: yuan(tier.price) }),
    )
    .join('；');
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="public-page">
      <header className="public-header">
        <Link to="/info" className="brand" style={{ padding: 0, height: 'auto' }}>
          <Logo size={28} />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <Space>
          <LangSwitch />
          <Link to="/login">
            <Button size="small" icon={<LoginOutlined />}>
              {t('pub.signIn')}
            </Button>
          </Link>
        </Space>
      </header>
      <div className="resident-page">{children}</div>
    </div>
  );
}

/** The service enterprises, each with its published information (no sign-in). */
export function PublicEnterprisesPage() {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['public', 'enterprises'],
    queryFn: () => ok(http.GET('/api/public/enterprises')),
  });
  return (
    <Shell>
      <Typography.Title level={4}>{t('pub.title')}</Typography.Title>
      {q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} /> : null}
      {q.isLoading ? <Spin /> : null}
      <List
        dataSource={q.data?.items ?? []}
        renderItem={(e) => (
          <Link to={`/info/${e.id}`} data-testid="public-enterprise">
            <Card size="small" style={{ marginBottom: 8 }}>
              <Typography.Text strong>{e.name}</Typography.Text>
            </Card>
          </Link>
        )}
      />
    </Shell>
  );
}

/**
 * One enterprise's public information (G-4.2.3, H-7.5.5, G-5.4.5, H-7.6.1.5): phones and the 24 h line, service
 * points, prices in force and before, the heating period, time limits and fees, planned stoppages.
 */
export function PublicInfoPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const q = useQuery({
    queryKey: ['public', 'enterprise', id],
    queryFn: () => ok(http.GET('/api/public/enterprises/{id}', { params: { path: { id } } })),
  });
  if (q.error)
    return (
      <Shell>
        <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      </Shell>
    );
  if (!q.data)
    return (
      <Shell>
        <Spin />
      </Shell>
    );
  const {
    enterprise: e,
    prices,
    cylinderPrices,
    heatingSeasons,
    catalogue,
    stoppages,
    reopenPeriodDays,
  } = q.data;
  const current = prices.filter(
    (p) => p.inForce || p.effectiveFrom > (prices.find((x) => x.inForce)?.effectiveFrom ?? ''),
  );
  const history = prices.filter((p) => !current.includes(p));
  const priceRow = (p: Price) => (
    <List.Item key={`${p.sector}${p.customerClass}${p.effectiveFrom}`}>
      <Space direction="vertical" size={0}>
        <Space wrap>
          <Typography.Text strong>
            {CLASS_KEYS[p.customerClass] ? t(CLASS_KEYS[p.customerClass]!) : p.customerClass}
          </Typography.Text>
          {p.inForce ? (
            <Tag color="green">{t('pub.inForce')}</Tag>
          ) : (
            <Tag>{t('pub.from', { date: p.effectiveFrom })}</Tag>
          )}
        </Space>
        <span data-testid="public-price">{priceText(p, t)}</span>
        {p.basis ? (
          <Typography.Text type="secondary">{t('pub.basis', { basis: p.basis })}</Typography.Text>
        ) : null}
      </Space>
    </List.Item>
  );
  return (
    <Shell>
      <Typography.Title level={4} data-testid="public-name">
        {e.name}
      </Typography.Title>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Card size="small" title={t('pub.phones')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <a href={`tel:${e.hotline}`} data-testid="public-hotline">
              <Button danger type="primary" block icon={<PhoneOutlined />}>
                {t('pub.hotline', { phone: e.hotline })}
              </Button>
            </a>
            <Typography.Text>{t('pub.supervision', { phone: e.supervisionPhone })}</Typography.Text>
          </Space>
        </Card>
        <Card size="small" title={t('pub.points')}>
          <List
            dataSource={e.servicePoints}
            locale={{ emptyText: <Empty /> }}
            renderItem={(p) => (
              <List.Item data-testid="public-point">
                <Space direction="vertical" size={0}>
                  <Space wrap>
                    <Typography.Text strong>{p.name}</Typography.Text>
                    {p.takesPayments ? <Tag color="blue">{t('pub.takesPayments')}</Tag> : null}
                  </Space>
                  <span>{p.address}</span>
                  <Typography.Text type="secondary">{t('pub.hours', { hours: p.hours })}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" title={t('pub.stoppages')}>
          {stoppages.length === 0 ? (
            <Typography.Text type="secondary">{t('pub.noStoppages')}</Typography.Text>
          ) : null}
          {stoppages.map((n) => (
            <Alert
              key={n.id}
              type="warning"
              style={{ marginBottom: 8 }}
              message={n.title}
              data-testid="public-stoppage"
              description={`${n.communities.join('、')} · ${formatShanghai(n.startsAt, false)}${
                n.expectedRestoreAt ? ` — ${formatShanghai(n.expectedRestoreAt, false)}` : ''
              }`}
            />
          ))}
        </Card>
        <Card size="small" title={t('pub.prices')}>
          <List dataSource={current} locale={{ emptyText: <Empty /> }} renderItem={priceRow} />
          {history.length > 0 ? (
            <Collapse
              ghost
              items={[
                {
                  key: 'h',
                  label: t('pub.priceHistory'),
                  children: <List dataSource={history} renderItem={priceRow} />,
                },
              ]}
            />
          ) : null}
        </Card>
        {cylinderPrices.length > 0 ? (
          <Card size="small" title={t('pub.cylinderPrices')} data-testid="public-cylinder-prices">
            {[...cylinderPrices].reverse().map((l) => (
              <div key={l.id} style={{ marginBottom: 8 }} data-testid={`public-cylinder-list-${l.status}`}>
                <Space wrap>
                  <Typography.Text strong>
                    {l.effectiveTo
                      ? t('pub.cylinderPeriod', { from: l.effectiveFrom, to: l.effectiveTo })
                      : t('pub.cylinderFrom', { from: l.effectiveFrom })}
                  </Typography.Text>
                  <Tag
                    color={l.status === 'in_force' ? 'green' : l.status === 'scheduled' ? 'blue' : 'default'}
                  >
                    {t(`pub.cylinderStatus.${l.status}`)}
                  </Tag>
                </Space>
                {l.items.map((i) => (
                  <div key={i.model}>
                    {t('pub.cylinderLine', {
                      model: i.model,
                      kg: (i.fillG / 1000).toFixed(1),
                      price: `¥${(i.priceFen / 100).toFixed(2)}`,
                    })}
                  </div>
                ))}
                <Typography.Text type="secondary">
                  {t('pub.cylinderFee', { fee: `¥${(l.deliveryFeeFen / 100).toFixed(2)}` })}
                  {l.basis ? ` · ${l.basis}` : ''}
                </Typography.Text>
              </div>
            ))}
          </Card>
        ) : null}
        {heatingSeasons.length > 0 ? (
          <Card size="small" title={t('pub.seasons')}>
            {heatingSeasons.map((s) => (
              <div key={`${s.area}${s.period}`}>
                {s.area}：{s.startsOn} — {s.endsOn}
              </div>
            ))}
          </Card>
        ) : null}
        <Card size="small" title={t('pub.catalogue')}>
          <Typography.Paragraph type="secondary">
            {t('pub.reopen', { n: reopenPeriodDays })}
          </Typography.Paragraph>
          <Collapse
            // The same published items as /api/catalogue (the domain's catalogue), read as the guide reads them.
            items={(catalogue as unknown as CatalogueItem[]).map((item) => ({
              key: item.code,
              label: (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{pick(item.name, lang)}</Typography.Text>
                  {item.clocks.length > 0 ? (
                    <Typography.Text type="secondary">{clockSummary(item, lang)}</Typography.Text>
                  ) : null}
                  <Typography.Text type="secondary">{feeText(item.fee, t, lang)}</Typography.Text>
                </Space>
              ),
              children: <CatalogueItemPanel item={item} />,
            }))}
          />
        </Card>
        <PublicRules info={q.data} />
        <PublicCommitments info={q.data} />
        <PublicCharter info={q.data} />
        {q.data.gasQuality ? (
          <Card size="small" title={t('gq.publicTitle')} data-testid="public-gas-quality">
            <GasQualityFacts report={q.data.gasQuality} />
          </Card>
        ) : null}
        <Card size="small" title={t('pub.staff')} data-testid="public-staff">
          <List
            size="small"
            dataSource={q.data.staff}
            locale={{ emptyText: t('pub.noStaff') }}
            renderItem={(m) => (
              <List.Item key={m.badgeNo}>
                <Space wrap>
                  <Typography.Text strong>{m.badgeNo}</Typography.Text>
                  <span>{m.name}</span>
                  <Tag>{m.post}</Tag>
                </Space>
              </List.Item>
            )}
          />
        </Card>
        <PublishedResults enterpriseId={e.id} />
      </Space>
    </Shell>
  );
}
