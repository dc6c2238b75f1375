import { useQuery } from '@tanstack/react-query';
import { Card, Col, Progress, Row, Spin, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorAlert } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { qualityKeys, degrees, quality, type Dashboard, type Measurement } from './api.ts';
import { TemperatureHistogram } from './charts.tsx';

export function OutcomeTag({ outcome }: { outcome: string }) {
  const { t } = useI18n();
  const color = outcome === 'pass' ? 'green' : outcome === 'fail' ? 'red' : 'default';
  return (
    <Tag color={color} data-testid={`outcome-${outcome}`}>
      {t(`q.outcome.${outcome}` as MessageKey)}
    </Tag>
  );
}

/** H-10.5.3: pass rate C = passing ÷ measured households against the 99 % target; the distribution; by district. */
export function DashboardTab() {
  const { t, lang } = useI18n();
  const data = useQuery({
    queryKey: [...qualityKeys.dashboard, 'with-latest'],
    queryFn: () => Promise.all([quality.dashboard(), quality.measurements({ limit: 30 })]),
  });
  if (data.isFetching && !data.data) return <Spin style={{ display: 'block', margin: 40 }} />;
  if (data.error || !data.data) return <ErrorAlert error={data.error} onRetry={data.refetch} />;
  const [d, list] = data.data as [Dashboard, { items: Measurement[] }];
  const percent = d.households.percent;
  return (
    <div data-testid="quality-dashboard">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('q.measured')} value={d.households.measured} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('q.passing')} value={d.households.passing} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="pass-rate">
            <Statistic
              title={t('q.passRate')}
              value={percent ?? '—'}
              suffix={percent === null ? '' : '%'}
              valueStyle={{ color: d.households.meetsTarget ? '#389e0d' : '#cf1322' }}
            />
            <Typography.Text type="secondary">{t('q.target99', { n: d.target })}</Typography.Text>{' '}
            <Tag color={d.households.meetsTarget ? 'green' : 'red'}>
              {d.households.meetsTarget ? t('q.meets') : t('q.below')}
            </Tag>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('q.analysisOnly')} value={d.outcomes.analysis_only ?? 0} />
            <Typography.Text type="secondary">H-5.4.7</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('q.histogram')}>
            <TemperatureHistogram
              data={d.histogram}
              labels={{
                pass: t('q.outcome.pass'),
                fail: t('q.outcome.fail'),
                analysis_only: t('q.outcome.analysis_only'),
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('q.byDistrict')}>
            <Table
              size="small"
              rowKey="district"
              pagination={false}
              dataSource={d.districts}
              columns={[
                { title: t('q.district'), dataIndex: 'district' },
                { title: t('q.measured'), dataIndex: 'measured', align: 'right' },
                { title: t('q.passing'), dataIndex: 'passing', align: 'right' },
                {
                  title: t('q.passRate'),
                  width: 160,
                  render: (_: unknown, r: Dashboard['districts'][number]) => (
                    <Progress
                      percent={r.percent ?? 0}
                      size="small"
                      status={r.meetsTarget ? 'success' : 'exception'}
                      format={(p) => `${p}%`}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('q.recent')}>
            <Table<Measurement>
              size="small"
              rowKey="id"
              dataSource={list.items}
              pagination={{ pageSize: 10 }}
              scroll={{ x: 900 }}
              columns={[
                {
                  title: t('q.measuredAt'),
                  dataIndex: 'measuredAt',
                  width: 140,
                  render: (v: string) => dayjs(v).format('MM-DD HH:mm'),
                },
                { title: t('q.address'), dataIndex: 'address' },
                { title: t('q.lowest'), dataIndex: 'minDecisiveTenths', width: 90, render: degrees },
                { title: t('q.required'), dataIndex: 'requiredTenths', width: 90, render: degrees },
                {
                  title: t('q.status'),
                  dataIndex: 'outcome',
                  width: 100,
                  render: (o: string) => <OutcomeTag outcome={o} />,
                },
                {
                  title: t('q.reason'),
                  render: (_: unknown, m) => m.reasons.map((r) => (lang === 'zh' ? r.zh : r.en)).join('；'),
                },
                { title: t('q.measurer'), dataIndex: 'measurerName', width: 90 },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
