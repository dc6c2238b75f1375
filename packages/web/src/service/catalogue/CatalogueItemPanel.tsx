import { Descriptions, Grid, Table, Tag, Typography } from 'antd';
import { describeLimit, parseLimit } from '@ranre/domain';
import type { CatalogueItem, Messages } from '../../api/workorders.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { pick } from '../orders/labels.ts';
import { feeText } from './fee.ts';

type CatalogueClock = CatalogueItem['clocks'][number];

function limitText(limit: string, lang: 'zh' | 'en'): string {
  try {
    return pick(describeLimit(parseLimit(limit)), lang);
  } catch {
    return limit;
  }
}

function Lines({ items, ordered }: { items: readonly Messages[]; ordered?: boolean }) {
  const { t, lang } = useI18n();
  if (items.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const List = ordered ? 'ol' : 'ul';
  return (
    <List className="cat-list">
      {items.map((m, i) => (
        <li key={i}>{pick(m, lang)}</li>
      ))}
    </List>
  );
}

/** One business item as published (G-4.2.3, H-7.1.1, H-7.5.5): procedure, conditions, documents, fee, limits. */
export function CatalogueItemPanel({ item }: { item: CatalogueItem }) {
  const { t, lang } = useI18n();
  const phone = Grid.useBreakpoint().sm === false;
  return (
    <div data-testid={`catalogue-item-${item.code}`}>
      <Descriptions
        size="small"
        column={1}
        bordered
        layout={phone ? 'vertical' : 'horizontal'}
        items={[
          { key: 'procedure', label: t('cat.procedure'), children: <Lines items={item.procedure} ordered /> },
          { key: 'conditions', label: t('cat.conditions'), children: <Lines items={item.conditions} /> },
          { key: 'documents', label: t('cat.documents'), children: <Lines items={item.documents} /> },
          { key: 'fee', label: t('cat.fee'), children: feeText(item.fee, t, lang) },
          { key: 'free', label: t('cat.freeItems'), children: <Lines items={item.freeItems} /> },
          {
            key: 'basis',
            label: t('cat.basis'),
            children: item.basis.map((c) => (
              <Tag key={c} style={{ marginBottom: 4 }}>
                {c}
              </Tag>
            )),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('cat.timeLimits')}
      </Typography.Title>
      <Table<CatalogueClock>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={[...item.clocks]}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('cat.noLimit') }}
        columns={[
          { title: t('cat.limitWhat'), key: 'd', render: (_, c) => pick(c.description, lang) },
          {
            title: t('cat.limit'),
            key: 'l',
            className: 'nowrap',
            render: (_, c) => limitText(c.limit, lang),
          },
          { title: t('cat.clause'), dataIndex: 'clause', className: 'nowrap' },
          {
            title: t('cat.limitBasis'),
            key: 'b',
            render: (_, c) => (
              <Tag color={c.basis === 'commitment' ? 'blue' : 'red'}>
                {t(`cat.basis.${c.basis}` as MessageKey)}
              </Tag>
            ),
          },
        ]}
      />
    </div>
  );
}

export function clockSummary(item: CatalogueItem, lang: 'zh' | 'en'): string {
  const wrap = (s: string) => (lang === 'zh' ? `（${s}）` : ` (${s})`);
  return item.clocks.map((c) => `${limitText(c.limit, lang)}${wrap(c.clause)}`).join(' · ');
}
