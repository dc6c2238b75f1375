import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Button, Card, Collapse, Empty, Input, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { workOrders, type CatalogueItem } from '../../api/workorders.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { LangSwitch } from '../../shell/layout/LangSwitch.tsx';
import { Logo } from '../../shell/layout/Logo.tsx';
import { pick } from '../orders/labels.ts';
import { CatalogueItemPanel, clockSummary } from './CatalogueItemPanel.tsx';

type Sector = 'gas' | 'heating';

function sectorOf(kind: string | null | undefined): Sector {
  return kind === 'heating' || kind === 'heating_reseller' ? 'heating' : 'gas';
}

/**
 * The public service guide (G-4.2.3, H-7.1.1, H-7.5.5): every business item with its procedure, conditions,
 * documents, fees, free items and time limits with their clause ids. Reachable without signing in (/catalogue)
 * and inside the app (/guide).
 */
export function CataloguePage({ standalone = false }: { standalone?: boolean }) {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const [sector, setSector] = useState<Sector>(() => sectorOf(user?.enterpriseKind));
  const [query, setQuery] = useState('');
  const data = useQuery({
    queryKey: ['catalogue', 'sector', sector],
    queryFn: () => workOrders.catalogue({ sector }),
  });

  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const byCategory = new Map<string, CatalogueItem[]>();
    for (const item of data.data?.items ?? []) {
      const text = `${item.name.zh} ${item.name.en} ${item.basis.join(' ')}`.toLowerCase();
      if (q && !text.includes(q)) continue;
      byCategory.set(item.category, [...(byCategory.get(item.category) ?? []), item]);
    }
    return [...byCategory];
  }, [data.data, query]);

  const body = (
    <div data-testid="page-catalogue">
      <div className="page-title">
        <Typography.Title level={4}>{t('cat.title')}</Typography.Title>
        <Space wrap>
          <Segmented<Sector>
            value={sector}
            onChange={setSector}
            options={[
              { value: 'gas', label: t('cat.sector.gas') },
              { value: 'heating', label: t('cat.sector.heating') },
            ]}
            data-testid="catalogue-sector"
          />
          <Input.Search allowClear placeholder={t('cat.search')} onChange={(e) => setQuery(e.target.value)} />
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('cat.intro')}</Typography.Paragraph>
      <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />
      {data.isFetching && !data.data ? <Spin style={{ display: 'block', margin: '60px auto' }} /> : null}
      {data.data && groups.length === 0 ? <Empty /> : null}
      {groups.map(([category, items]) => (
        <Card
          key={category}
          size="small"
          title={t(`cat.category.${category}` as MessageKey)}
          style={{ marginBottom: 16 }}
        >
          <Collapse
            items={items.map((item) => ({
              key: item.code,
              label: (
                <Space wrap size={6}>
                  <Typography.Text strong>{pick(item.name, lang)}</Typography.Text>
                  {item.clocks.length > 0 ? <Tag color="blue">{clockSummary(item, lang)}</Tag> : null}
                  {item.fee.kind === 'free' ? <Tag color="green">{t('cat.free')}</Tag> : null}
                </Space>
              ),
              children: <CatalogueItemPanel item={item} />,
            }))}
          />
        </Card>
      ))}
    </div>
  );

  if (!standalone) return body;
  return (
    <div className="public-page">
      <header className="public-header">
        <Link to="/catalogue" className="brand" style={{ padding: 0, height: 'auto' }}>
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
      <main className="public-main">{body}</main>
    </div>
  );
}
