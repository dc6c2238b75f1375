import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Card, Col, Row, Segmented, Table, Typography } from 'antd';
import { enterprises, platformKeys } from '../../api/platform.ts';
import { ENTERPRISE_KINDS, type EnterpriseKind } from '../../api/types.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { KindTag } from '../../platform/enterprises/EnterpriseDetail.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { KindChart } from './KindChart.tsx';

interface Row {
  kind: EnterpriseKind;
  count: number;
  names: string[];
}

/** Regulator's view: enterprises per kind as a table and a chart. */
export function KindOverview() {
  const { t } = useI18n();
  const [chart, setChart] = useState<'bar' | 'pie'>('bar');
  const {
    data,
    error,
    isFetching: loading,
    refetch,
  } = useQuery({
    queryKey: platformKeys.enterpriseList,
    queryFn: enterprises.list,
  });
  const reload = () => void refetch();

  const rows: Row[] = ENTERPRISE_KINDS.filter((k) => k !== 'regulator').map((kind) => {
    const list = (data?.items ?? []).filter((e) => e.kind === kind);
    return { kind, count: list.length, names: list.map((e) => e.name) };
  });
  const total = rows.reduce((n, r) => n + r.count, 0);

  return (
    <Card
      title={t('home.byKind')}
      data-testid="home-by-kind"
      extra={
        <Segmented
          size="small"
          value={chart}
          onChange={(v) => setChart(v as 'bar' | 'pie')}
          options={[
            { value: 'bar', label: t('home.chartBar') },
            { value: 'pie', label: t('home.chartPie') },
          ]}
        />
      }
    >
      <ErrorAlert error={error} onRetry={reload} />
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={11}>
          <Table<Row>
            size="small"
            rowKey="kind"
            loading={loading}
            pagination={false}
            dataSource={rows}
            columns={[
              {
                title: t('ent.kind'),
                dataIndex: 'kind',
                render: (k: EnterpriseKind) => <KindTag kind={k} />,
              },
              { title: t('home.enterpriseCount'), dataIndex: 'count', align: 'right', width: 100 },
              {
                title: t('ent.name'),
                dataIndex: 'names',
                responsive: ['md'],
                render: (names: string[]) => (
                  <Typography.Text
                    type="secondary"
                    ellipsis={{ tooltip: names.join('、') }}
                    style={{ maxWidth: 260 }}
                  >
                    {names.join('、')}
                  </Typography.Text>
                ),
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t('home.total')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <strong>{total}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} />
              </Table.Summary.Row>
            )}
          />
        </Col>
        <Col xs={24} lg={13}>
          <KindChart
            type={chart}
            seriesName={t('home.enterpriseCount')}
            data={rows.map((r) => ({ name: t(`kind.${r.kind}`), value: r.count }))}
          />
        </Col>
      </Row>
    </Card>
  );
}
