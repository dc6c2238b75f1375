import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Tag, Typography } from 'antd';
import { http, ok } from '../api/client.ts';
import { formatShanghai } from '../common/format.ts';
import { useI18n } from '../i18n/index.tsx';

const STATUS_COLOR: Record<string, string> = { met: 'green', missed: 'red' };

/**
 * G-12.3, H-10.5.6: the evaluation results this enterprise and the regulator published, with the period and the
 * date of publication, the figures as they were published (never recomputed).
 */
export function PublishedResults({ enterpriseId }: { enterpriseId: string }) {
  const { t, lang } = useI18n();
  const q = useQuery({
    queryKey: ['public', 'evaluation-results', enterpriseId],
    queryFn: () => ok(http.GET('/api/public/evaluation-results', { params: { query: { enterpriseId } } })),
  });
  const items = (q.data?.items ?? []).filter((s) => s.figures.length > 0);
  return (
    <Card size="small" title={t('pub.results')} data-testid="public-results">
      <List
        dataSource={items}
        locale={{ emptyText: t('pub.noResults') }}
        renderItem={(s) => (
          <List.Item key={s.id}>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{s.period}</Typography.Text>
                <Tag>{s.enterpriseId ? t('pub.byEnterprise') : t('pub.byRegulator')}</Tag>
                <Typography.Text type="secondary">
                  {t('pub.publishedOn', { date: formatShanghai(s.createdAt, false).slice(0, 10) })}
                </Typography.Text>
              </Space>
              {s.figures.map((f) => (
                <div key={f.indicator} data-testid="public-result">
                  {lang === 'zh' ? f.name.zh : f.name.en}：{f.value === null ? '—' : `${f.value}%`}
                  {f.target !== '—' ? ` （${t('pub.target')} ${f.target}）` : ''}{' '}
                  {f.status in STATUS_COLOR ? (
                    <Tag color={STATUS_COLOR[f.status]}>
                      {t(f.status === 'met' ? 'pub.met' : 'pub.missed')}
                    </Tag>
                  ) : null}
                </div>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
