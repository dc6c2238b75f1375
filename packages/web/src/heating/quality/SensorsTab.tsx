import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorAlert } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { qualityKeys, degrees, quality, type Ingestion, type Sensor } from './api.ts';
import { DailyChart } from './charts.tsx';

/** H-5.4.1: the remote sensors, one household's days against 18 °C, and the ingestion log with rejected items. */
export function SensorsTab() {
  const { t, lang } = useI18n();
  const sensors = useQuery({ queryKey: qualityKeys.sensors, queryFn: () => quality.sensors() });
  const log = useQuery({ queryKey: qualityKeys.ingestions, queryFn: () => quality.ingestions() });
  const [premisesId, setPremisesId] = useState<string>();
  const chosen = premisesId ?? sensors.data?.items[0]?.premisesId;
  const daily = useQuery({
    queryKey: qualityKeys.daily(chosen ?? ''),
    queryFn: () => quality.daily(chosen!),
    enabled: Boolean(chosen),
  });
  return (
    <Row gutter={[16, 16]} data-testid="quality-sensors">
      <Col xs={24} lg={10}>
        <Card size="small" title={`${t('q.sensors')}（${sensors.data?.items.length ?? 0}）`}>
          <ErrorAlert error={sensors.error} onRetry={sensors.refetch} />
          <Table<Sensor>
            size="small"
            rowKey="id"
            loading={sensors.isFetching}
            dataSource={sensors.data?.items ?? []}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            onRow={(s) => ({ onClick: () => setPremisesId(s.premisesId), style: { cursor: 'pointer' } })}
            rowClassName={(s) => (s.premisesId === chosen ? 'ant-table-row-selected' : '')}
            columns={[
              { title: t('q.sensorCode'), dataIndex: 'sensorCode', width: 110 },
              { title: t('q.address'), dataIndex: 'address', ellipsis: true },
              {
                title: t('q.last'),
                width: 90,
                render: (_: unknown, s) => (
                  <Typography.Text type={s.lastTenths !== null && s.lastTenths < 180 ? 'danger' : undefined}>
                    {degrees(s.lastTenths)}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={`${t('q.daily')}${daily.data ? ` · ${daily.data.address}` : ''}`}>
          <ErrorAlert error={daily.error} onRetry={daily.refetch} />
          {daily.data && daily.data.days.length > 0 ? (
            <>
              <DailyChart
                days={daily.data.days}
                standardTenths={daily.data.standardTenths}
                labels={{ min: t('q.min'), avg: t('q.avg'), max: t('q.max'), standard: t('q.standard') }}
              />
              <Typography.Text type="secondary">
                {t('q.share')}：
                {daily.data.days.map((d) => (
                  <Tag
                    key={d.day}
                    color={d.shareAtStandard >= 100 ? 'green' : d.shareAtStandard >= 80 ? 'gold' : 'red'}
                  >
                    {d.day.slice(5)} {d.shareAtStandard}%
                  </Tag>
                ))}
              </Typography.Text>
            </>
          ) : (
            <Empty description={t('q.pickSensor')} />
          )}
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('q.ingestions')}>
          <Table<Ingestion>
            size="small"
            rowKey="id"
            loading={log.isFetching}
            dataSource={log.data?.items ?? []}
            pagination={{ pageSize: 5 }}
            expandable={{
              rowExpandable: (r) => r.rejections.length > 0,
              defaultExpandAllRows: true,
              expandedRowRender: (r) => (
                <Table
                  size="small"
                  rowKey="index"
                  pagination={false}
                  dataSource={r.rejections}
                  columns={[
                    { title: t('q.index'), dataIndex: 'index', width: 70 },
                    { title: t('q.sensorCode'), dataIndex: 'sensorId', width: 130 },
                    {
                      title: t('q.reason'),
                      render: (_: unknown, x: Ingestion['rejections'][number]) => (
                        <Typography.Text type="danger">
                          {x.code} · {lang === 'zh' ? x.zh : x.en}
                        </Typography.Text>
                      ),
                    },
                  ]}
                />
              ),
            }}
            columns={[
              {
                title: t('q.measuredAt'),
                dataIndex: 'at',
                render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
              },
              { title: t('q.received'), dataIndex: 'received', align: 'right' },
              { title: t('q.accepted'), dataIndex: 'accepted', align: 'right' },
              {
                title: t('q.rejected'),
                align: 'right',
                render: (_: unknown, r) => (
                  <Typography.Text type={r.rejections.length ? 'danger' : undefined}>
                    {r.rejections.length}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
