import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { errorText } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { calls, readBase64, type Call, type CallIntake } from './api.ts';
import { SurveysTab } from './SurveysTab.tsx';
import { WindowWaitsTab } from './WindowWaitsTab.tsx';

const OUTCOME_COLOR = { answered_in_time: 'green', answered_late: 'orange', abandoned: 'red' } as const;

/**
 * /calls — 热线与窗口: the call centre's calls imported (CSV/Excel, checked first, bad rows reported) and listed
 * with their verdict against the "answered in time" threshold (G-12.4.1.1, H-3.13); sampled window waits
 * (G-12.4.1.2) in the second tab. The figures are in 评价考核.
 */
export function CallsPage() {
  const { t } = useI18n();
  return (
    <div data-testid="page-calls">
      <div className="page-title">
        <Typography.Title level={4}>{t('calls.title')}</Typography.Title>
      </div>
      <Tabs
        items={[
          { key: 'calls', label: t('calls.tab.calls'), children: <CallsTab /> },
          { key: 'waits', label: t('calls.tab.waits'), children: <WindowWaitsTab /> },
          { key: 'surveys', label: t('calls.tab.surveys'), children: <SurveysTab /> },
        ]}
      />
    </div>
  );
}

function CallsTab() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['calls', page],
    queryFn: () => calls.list({ page, pageSize: 20 }),
  });
  const writer = user?.role === 'enterprise_admin' || user?.role === 'agent';
  const s = list.data?.summary;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      {writer ? <ImportCard /> : null}
      {user?.role !== 'regulator' ? <ThresholdCard canSet={user?.role === 'enterprise_admin'} /> : null}
      <Card title={t('calls.list')}>
        <Space wrap size={32} style={{ marginBottom: 12 }}>
          <Statistic title={t('calls.received')} value={s?.received ?? 0} />
          <Statistic title={t('calls.inTime')} value={s?.answeredInTime ?? 0} />
          <Statistic
            title={t('calls.rate')}
            value={s && s.received > 0 ? Math.round((s.answeredInTime * 10000) / s.received) / 100 : '—'}
            suffix={s && s.received > 0 ? '%' : undefined}
          />
        </Space>
        <Table<Call>
          size="small"
          rowKey="id"
          scroll={{ x: 640 }}
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: t('calls.col.callId'), dataIndex: 'callId' },
            { title: t('calls.col.line'), dataIndex: 'line' },
            { title: t('calls.col.agent'), dataIndex: 'agent' },
            {
              title: t('calls.col.rangAt'),
              key: 'rang',
              render: (_, r) => dayjs(r.rangAt).format('YYYY-MM-DD HH:mm:ss'),
            },
            {
              title: t('calls.col.answer'),
              key: 'answer',
              render: (_, r) => (r.answerSeconds === null ? '—' : t('calls.seconds', { n: r.answerSeconds })),
            },
            {
              title: t('calls.col.outcome'),
              key: 'outcome',
              render: (_, r) => (
                <Tag color={OUTCOME_COLOR[r.outcome]} data-testid="call-outcome">
                  {t(`ev.outcome.${r.outcome}` as MessageKey)}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function ImportCard() {
  const { t, lang } = useI18n();
  const queries = useQueryClient();
  const [file, setFile] = useState<{ name: string; format: 'csv' | 'xlsx'; base64: string } | null>(null);
  const [result, setResult] = useState<CallIntake | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => calls.import(file!.format, file!.base64, dryRun),
    onSuccess: (r) => {
      setResult(r);
      if (!r.dryRun) void queries.invalidateQueries({ queryKey: ['calls'] });
    },
    onError: (e) => setError(errorText(e, lang)),
  });
  const pick = async (f: File) => {
    setResult(null);
    setError(null);
    const format = /\.xlsx$/i.test(f.name) ? 'xlsx' : /\.csv$/i.test(f.name) ? 'csv' : null;
    if (!format) return setError(t('calls.fileType'));
    setFile({ name: f.name, format, base64: await readBase64(f) });
  };
  return (
    <Card title={t('calls.import')}>
      <Typography.Paragraph type="secondary">{t('calls.importHint')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,.csv"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => {
          void pick(f);
          return false;
        }}
        data-testid="calls-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{file ? file.name : t('calls.pick')}</p>
      </Upload.Dragger>
      <Space style={{ marginTop: 12 }} wrap>
        <Button
          onClick={() => run.mutate(true)}
          disabled={!file}
          loading={run.isPending && run.variables}
          data-testid="calls-check"
        >
          {t('calls.check')}
        </Button>
        <Button
          type="primary"
          onClick={() => run.mutate(false)}
          disabled={!file || !result || !result.dryRun || result.imported === 0}
          loading={run.isPending && !run.variables}
          data-testid="calls-import"
        >
          {t('calls.run', { n: result?.dryRun ? result.imported : 0 })}
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} /> : null}
      {result ? (
        <div style={{ marginTop: 12 }} data-testid="calls-result">
          <Alert
            type={result.rejected.length ? 'warning' : 'success'}
            showIcon
            message={t(result.dryRun ? 'calls.checked' : 'calls.imported', {
              n: result.imported,
              same: result.alreadyRecorded,
              bad: result.rejected.length,
            })}
          />
          {result.rejected.length ? (
            <Table
              size="small"
              style={{ marginTop: 8 }}
              rowKey="row"
              pagination={false}
              dataSource={result.rejected}
              columns={[
                { title: t('calls.col.row'), dataIndex: 'row', width: 70 },
                { title: t('calls.col.callId'), dataIndex: 'callId', width: 120 },
                {
                  title: t('calls.col.reasons'),
                  key: 'reasons',
                  render: (_, r) =>
                    r.reasons
                      .map((x) => `${x.column ? `${x.column}：` : ''}${lang === 'en' ? x.en : x.zh}`)
                      .join('；'),
                },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

function ThresholdCard({ canSet }: { canSet: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<{ seconds: number; basis: string }>();
  const current = useQuery({ queryKey: ['calls-threshold'], queryFn: calls.threshold });
  const save = useMutation({
    mutationFn: (v: { seconds: number; basis: string }) => calls.setThreshold(v),
    onSuccess: () => {
      message.success(t('calls.thresholdSaved'));
      void queries.invalidateQueries({ queryKey: ['calls-threshold'] });
      void queries.invalidateQueries({ queryKey: ['calls'] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const th = current.data;
  return (
    <Card title={t('calls.threshold')}>
      <Typography.Paragraph data-testid="calls-threshold">
        {th ? t('calls.thresholdNow', { n: th.seconds }) : ''}
        {th?.isDefault ? (
          <Typography.Text type="secondary">
            {' '}
            {t('calls.thresholdDefault', { n: th.defaultSeconds })}
          </Typography.Text>
        ) : null}
      </Typography.Paragraph>
      {canSet ? (
        <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)}>
          <Form.Item
            name="seconds"
            label={t('calls.seconds.label')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={1} max={600} />
          </Form.Item>
          <Form.Item
            name="basis"
            label={t('calls.basis')}
            rules={[{ required: true, min: 2, message: t('common.required') }]}
          >
            <Input style={{ width: 260 }} placeholder={t('calls.basisHint')} />
          </Form.Item>
          <Button htmlType="submit" loading={save.isPending}>
            {t('calls.thresholdSet')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
