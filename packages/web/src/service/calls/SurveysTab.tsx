import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { applyServerErrors } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { surveys } from './api.ts';
import { SurveyImportCard } from './SurveyImportCard.tsx';

type Grade = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
type Values = {
  source: 'sample' | 'third_party';
  surveyor: string;
  surveyedOn: Dayjs;
  respondents: { respondent?: string; grade: Grade; factor?: string; factorGrade?: Grade }[];
};
const GRADES: Grade[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];
const GRADE_COLOR = { satisfied: 'green', basically_satisfied: 'blue', dissatisfied: 'red' } as const;

/**
 * Satisfaction surveys (G-12.3, G-12.4.5, H-3.14, H-10.3.2): the company's sample survey or a third party's results,
 * one line per respondent with the overall grade and, where asked, a factor's grade; the rate is in 评价考核.
 */
export function SurveysTab() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['satisfaction-surveys', page],
    queryFn: () => surveys.list({ page, pageSize: 20 }),
  });
  const record = useMutation({
    mutationFn: (v: Values) =>
      surveys.record({
        source: v.source,
        surveyor: v.surveyor,
        surveyedOn: v.surveyedOn.format('YYYY-MM-DD'),
        respondents: v.respondents.map((r) => ({
          respondent: r.respondent ?? '',
          grade: r.grade,
          factors: r.factor && r.factorGrade ? { [r.factor]: r.factorGrade } : {},
        })),
      }),
    onSuccess: (r) => {
      message.success(t('surveys.recorded', { n: r.recorded }));
      form.resetFields();
      void queries.invalidateQueries({ queryKey: ['satisfaction-surveys'] });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['surveyedOn', 'surveyor']);
      if (text) message.error(text);
    },
  });
  const gradeOptions = GRADES.map((g) => ({ value: g, label: t(`ev.outcome.${g}` as MessageKey) }));
  const s = list.data?.summary;
  const writer = user?.role === 'enterprise_admin' || user?.role === 'agent';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      {writer ? (
        <Card title={t('surveys.entry')}>
          <Typography.Paragraph type="secondary">{t('surveys.hint')}</Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ source: 'sample', surveyedOn: dayjs(), respondents: [{ grade: 'satisfied' }] }}
            onFinish={(v) => record.mutate(v)}
          >
            <Form.Item name="source" label={t('surveys.source')}>
              <Radio.Group
                options={[
                  { value: 'sample', label: t('surveys.source.sample') },
                  { value: 'third_party', label: t('surveys.source.third_party') },
                ]}
              />
            </Form.Item>
            <Space wrap>
              <Form.Item
                name="surveyor"
                label={t('surveys.surveyor')}
                rules={[{ required: true, min: 2, message: t('common.required') }]}
              >
                <Input style={{ width: 240 }} data-testid="surveys-surveyor" />
              </Form.Item>
              <Form.Item
                name="surveyedOn"
                label={t('surveys.date')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker />
              </Form.Item>
            </Space>
            <Form.List name="respondents">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'respondent']} label={t('surveys.respondent')}>
                        <Input style={{ width: 140 }} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'grade']}
                        label={t('surveys.grade')}
                        rules={[{ required: true, message: t('common.required') }]}
                      >
                        <Select style={{ width: 130 }} options={gradeOptions} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'factor']} label={t('surveys.factor')}>
                        <Input style={{ width: 120 }} placeholder={t('surveys.factorHint')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'factorGrade']} label={t('surveys.factorGrade')}>
                        <Select style={{ width: 130 }} options={gradeOptions} allowClear />
                      </Form.Item>
                      {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} /> : null}
                    </Space>
                  ))}
                  <Form.Item>
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ grade: 'satisfied' })}>
                      {t('surveys.add')}
                    </Button>
                  </Form.Item>
                </>
              )}
            </Form.List>
            <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="surveys-save">
              {t('surveys.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
      {writer ? <SurveyImportCard /> : null}
      <Card title={t('surveys.list')}>
        <Space wrap size={32} style={{ marginBottom: 12 }}>
          <Statistic title={t('surveys.respondents')} value={s?.respondents ?? 0} />
          <Statistic title={t('surveys.satisfied')} value={s?.satisfied ?? 0} />
          {(s?.factors ?? []).map((f) => (
            <Statistic
              key={f.factor}
              title={f.factor}
              value={`${f.satisfied} / ${f.basicallySatisfied} / ${f.dissatisfied}`}
            />
          ))}
        </Space>
        <Table
          size="small"
          rowKey="id"
          scroll={{ x: 560 }}
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
            { title: t('surveys.date'), dataIndex: 'surveyedOn' },
            {
              title: t('surveys.source'),
              key: 'source',
              render: (_, r) => t(`surveys.source.${r.source}` as MessageKey),
            },
            { title: t('surveys.surveyor'), dataIndex: 'surveyor' },
            { title: t('surveys.respondent'), dataIndex: 'respondent' },
            {
              title: t('surveys.grade'),
              key: 'grade',
              render: (_, r) => (
                <Tag color={GRADE_COLOR[r.grade]}>{t(`ev.outcome.${r.grade}` as MessageKey)}</Tag>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
