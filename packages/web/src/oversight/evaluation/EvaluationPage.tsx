import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Input,
  Modal,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { pick } from '../../service/orders/labels.ts';
import { DrilldownDrawer, type DrillTarget } from './DrilldownDrawer.tsx';
import { IndicatorChart } from './IndicatorChart.tsx';
import { TrendChart } from './TrendChart.tsx';
import { StatementsCard } from './StatementsCard.tsx';
import { evaluation, evaluationKeys, targetText, valueText, type Figure, type Indicator } from './api.ts';

type PeriodKind = 'month' | 'year' | 'season';
const STATUS_COLOR: Record<Figure['status'], string> = {
  met: 'green',
  missed: 'red',
  no_target: 'blue',
  no_data: 'default',
};

function periodKey(kind: PeriodKind, date: Dayjs, season: string): string {
  if (kind === 'month') return date.format('YYYY-MM');
  if (kind === 'year') return date.format('YYYY');
  return season;
}

/** Heating seasons to offer: the one that started last November and the four before it. */
function recentSeasons(today: Dayjs): string[] {
  const first = today.month() >= 9 ? today.year() : today.year() - 1;
  return Array.from({ length: 5 }, (_, i) => `${first - i}-${first - i + 1}`);
}

/** /evaluation — 评价考核: each enterprise's G-12.4 / H-10.5 figures, targets, ranking and the records behind them. */
export function EvaluationPage() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const regulator = user?.role === 'regulator';
  const [kind, setKind] = useState<PeriodKind>('month');
  const [date, setDate] = useState<Dayjs>(() => dayjs());
  const seasons = useMemo(() => recentSeasons(dayjs()), []);
  const [season, setSeason] = useState(seasons[0]!);
  const [enterpriseKind, setEnterpriseKind] = useState<string | undefined>();
  const [district, setDistrict] = useState<string | undefined>();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const period = periodKey(kind, date, season);
  const queries = useQueryClient();
  const data = useQuery({
    queryKey: evaluationKeys.figures(period, enterpriseKind, district),
    queryFn: () => evaluation.figures(period, enterpriseKind, district),
    placeholderData: keepPreviousData,
  });
  const ev = data.data;
  const trend = useQuery({
    queryKey: evaluationKeys.trend(period, enterpriseKind, district),
    queryFn: () => evaluation.trend(period, enterpriseKind, district),
    placeholderData: keepPreviousData,
  });
  const names = useMemo(() => new Map((ev?.enterprises ?? []).map((e) => [e.id, e.name])), [ev]);

  const run = async (fn: () => Promise<unknown>, done: MessageKey) => {
    try {
      await fn();
      message.success(t(done));
      void queries.invalidateQueries({ queryKey: evaluationKeys.all });
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  const cell = (ind: Indicator, enterpriseId: string) => {
    const f = ind.figures.find((x) => x.enterpriseId === enterpriseId);
    if (!f) return <Typography.Text type="secondary">—</Typography.Text>;
    const name = names.get(enterpriseId) ?? '';
    const open = (part: 'numerator' | 'denominator') =>
      setDrill({ indicator: ind, enterpriseId, enterpriseName: name, part });
    return (
      <Space direction="vertical" size={0} data-testid={`eval-cell-${ind.id}`}>
        <a onClick={() => open('denominator')} data-testid="eval-value">
          {f.value === null ? t('ev.noData') : valueText(ind, f.value)}
        </a>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <a onClick={() => open('numerator')} data-testid="eval-numerator">
            {f.numerator}
          </a>
          {' / '}
          <a onClick={() => open('denominator')} data-testid="eval-denominator">
            {f.denominator}
          </a>
          {f.rank !== null ? ` · ${t('ev.rank', { n: f.rank })}` : ''}
        </Typography.Text>
        <Tag color={STATUS_COLOR[f.status]} data-testid={`eval-status-${f.status}`}>
          {t(`ev.status.${f.status}` as MessageKey)}
        </Tag>
      </Space>
    );
  };

  return (
    <div data-testid="page-evaluation">
      <Typography.Title level={4}>{t('menu.evaluation')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={kind}
          onChange={(v) => setKind(v as PeriodKind)}
          options={[
            { value: 'month', label: t('ev.period.month') },
            { value: 'year', label: t('ev.period.year') },
            { value: 'season', label: t('ev.period.season') },
          ]}
          data-testid="eval-period-kind"
        />
        {kind === 'season' ? (
          <Select
            value={season}
            onChange={setSeason}
            options={seasons.map((s) => ({ value: s, label: s }))}
            style={{ width: 140 }}
          />
        ) : (
          <DatePicker
            picker={kind}
            value={date}
            allowClear={false}
            onChange={(d) => d && setDate(d)}
            data-testid="eval-period-picker"
          />
        )}
        {regulator && (
          <Select
            allowClear
            placeholder={t('ev.allKinds')}
            value={enterpriseKind}
            onChange={setEnterpriseKind}
            style={{ width: 160 }}
            options={['pipeline_gas', 'bottled_gas', 'vehicle_gas', 'heating', 'heating_reseller'].map(
              (k) => ({
                value: k,
                label: t(`ev.kind.${k}` as MessageKey),
              }),
            )}
          />
        )}
        {regulator && (
          <Select
            allowClear
            placeholder={t('ev.district')}
            value={district}
            onChange={setDistrict}
            style={{ width: 140 }}
            data-testid="eval-district"
            options={(ev?.districts ?? []).map((d) => ({ value: d, label: d }))}
          />
        )}
        {ev && (
          <Tag color={ev.period.closed ? 'purple' : 'default'} data-testid="eval-period-state">
            {ev.period.closed ? t('ev.closed', { v: ev.period.definitionsVersion }) : t('ev.open')}
          </Tag>
        )}
        {ev && (
          <Button href={evaluation.exportUrl(period, enterpriseKind, district)} data-testid="eval-export">
            {t('ev.exportXlsx')}
          </Button>
        )}
        {!regulator && ev && (
          <Button href={evaluation.reportUrl(period)} target="_blank" data-testid="eval-report">
            {t('ev.reportPdf')}
          </Button>
        )}
        {regulator && ev && !ev.period.closed && (
          <Button onClick={() => run(() => evaluation.close(period), 'ev.closedDone')}>
            {t('ev.close')}
          </Button>
        )}
        {regulator && ev?.period.closed && (
          <Button onClick={() => setReopening(true)}>{t('ev.reopen')}</Button>
        )}
      </Space>
      {data.error ? <ErrorAlert error={data.error} onRetry={() => void data.refetch()} /> : null}
      {!ev && data.isFetching ? <Spin style={{ display: 'block', margin: 40 }} /> : null}
      {ev && (
        <>
          <Typography.Paragraph type="secondary">
            {t('ev.window', {
              from: ev.period.from,
              to: dayjs(ev.period.to).subtract(1, 'day').format('YYYY-MM-DD'),
            })}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="id"
            bordered
            scroll={{ x: true }}
            pagination={false}
            dataSource={ev.enterprises}
            data-testid="eval-table"
            columns={[
              {
                title: t('ev.enterprise'),
                key: 'name',
                fixed: 'left',
                width: 180,
                render: (_: unknown, e: { id: string; name: string; district: string }) => (
                  <Space direction="vertical" size={0}>
                    <span>{e.name}</span>
                    {e.district ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {e.district}
                      </Typography.Text>
                    ) : null}
                    {regulator ? (
                      <a
                        href={evaluation.reportUrl(period, e.id)}
                        target="_blank"
                        rel="noreferrer"
                        data-testid="eval-report-link"
                      >
                        {t('ev.reportPdf')}
                      </a>
                    ) : null}
                  </Space>
                ),
              },
              ...ev.indicators.map((ind) => ({
                key: ind.id,
                title: (
                  <span>
                    {pick(ind.name, lang)}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {ind.clauses[0]}
                      {ind.target ? ` · ${t('ev.target')} ${targetText(ind.target)}` : ''}
                    </Typography.Text>
                  </span>
                ),
                render: (_: unknown, e: { id: string }) => cell(ind, e.id),
              })),
            ]}
          />
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            {ev.indicators.map((ind) => (
              <Col xs={24} lg={12} key={ind.id}>
                <Card
                  size="small"
                  title={`${pick(ind.name, lang)}（${ind.clauses.join('、')}）`}
                  data-testid={`eval-chart-${ind.id}`}
                >
                  <IndicatorChart indicator={ind} names={names} />
                  {trend.data ? (
                    <div data-testid={`eval-trend-${ind.id}`}>
                      <Typography.Text type="secondary">
                        {t('ev.trend', { n: trend.data.periods.length })}
                      </Typography.Text>
                      <TrendChart indicator={ind} trend={trend.data} names={names} />
                    </div>
                  ) : null}
                </Card>
              </Col>
            ))}
          </Row>
          <StatementsCard period={period} regulator={regulator} enterprises={ev.enterprises} />
        </>
      )}
      <DrilldownDrawer period={period} target={drill} onClose={() => setDrill(null)} />
      <Modal
        open={reopening}
        title={t('ev.reopen')}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        onCancel={() => setReopening(false)}
        onOk={async () => {
          setReopening(false);
          await run(() => evaluation.reopen(period, reason.trim()), 'ev.reopenedDone');
          setReason('');
        }}
      >
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('ev.reason')}
        />
      </Modal>
    </div>
  );
}
