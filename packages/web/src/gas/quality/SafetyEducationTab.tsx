import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  SAFETY_EDUCATION_OCCASIONS,
  SAFETY_EDUCATION_TOPICS,
  SAFETY_EDUCATION_TOPIC_CODES,
  type SafetyEducationTopic,
} from '@ranre/domain';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { http, ok } from '../../api/client.ts';
import type { Body } from '../../api/contract.ts';
import { applyServerErrors } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

type SafetyInput = Body<'/api/customers/{id}/safety-education'>;
type Values = Omit<SafetyInput, 'givenOn'> & { givenOn: Dayjs };

/**
 * G-5.10.1, G-5.10.6 in the customer's 360 view: whether the safety handbook was handed over, which items a–h were
 * explained and when; the agent, technician or inspector records each time.
 */
export function SafetyEducationTab({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const key = ['safety-education', customerId];
  const path = { params: { path: { id: customerId } } };
  const data = useQuery({
    queryKey: key,
    queryFn: () => ok(http.GET('/api/customers/{id}/safety-education', path)),
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      ok(
        http.POST('/api/customers/{id}/safety-education', {
          ...path,
          body: { ...v, givenOn: v.givenOn.format('YYYY-MM-DD'), topics: v.topics ?? [] },
        }),
      ),
    onSuccess: (next) => {
      queries.setQueryData(key, next);
      form.resetFields(['topics', 'note']);
      message.success(t('se.saved'));
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['topics', 'givenOn']);
      if (text) message.error(text);
    },
  });
  const topic = (code: string) => SAFETY_EDUCATION_TOPICS[code as SafetyEducationTopic]?.[lang] ?? code;
  const c = data.data?.coverage;
  return (
    <div data-testid="safety-education">
      {c ? (
        <Alert
          type={c.complete ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="se-coverage"
          message={c.complete ? t('se.complete') : t('se.incomplete')}
          description={
            <Space direction="vertical" size={4}>
              <span>{c.handbookGiven ? t('se.handbookGiven') : t('se.handbookMissing')}</span>
              {c.missing.length > 0 ? (
                <span>
                  {t('se.missing')}：{c.missing.map(topic).join('、')}
                </span>
              ) : null}
            </Space>
          }
        />
      ) : null}
      <List
        size="small"
        dataSource={data.data?.records ?? []}
        locale={{ emptyText: t('se.none') }}
        renderItem={(r) => (
          <List.Item key={r.id}>
            <Space direction="vertical" size={2}>
              <Space wrap>
                <Typography.Text strong>{r.givenOn}</Typography.Text>
                <Tag>{t(`se.occasion.${r.occasion}` as MessageKey)}</Tag>
                {r.handbookGiven ? <Tag color="blue">{t('se.handbook')}</Tag> : null}
                <Typography.Text type="secondary">{r.givenBy}</Typography.Text>
              </Space>
              {r.topics.length > 0 ? <span>{r.topics.map(topic).join('、')}</span> : null}
              {r.note ? <Typography.Text type="secondary">{r.note}</Typography.Text> : null}
            </Space>
          </List.Item>
        )}
      />
      <Form
        form={form}
        layout="vertical"
        style={{ marginTop: 12 }}
        initialValues={{ occasion: 'counter', handbookGiven: false, topics: [], givenOn: dayjs() }}
        onFinish={(v) => save.mutate(v)}
      >
        <Space wrap align="start">
          <Form.Item name="occasion" label={t('se.occasion')}>
            <Select
              style={{ width: 140 }}
              options={SAFETY_EDUCATION_OCCASIONS.map((o) => ({
                value: o,
                label: t(`se.occasion.${o}` as MessageKey),
              }))}
            />
          </Form.Item>
          <Form.Item name="givenOn" label={t('se.givenOn')}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="handbookGiven" valuePropName="checked" label=" ">
            <Checkbox data-testid="se-handbook">{t('se.handbookGivenNow')}</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item name="topics" label={t('se.topics')}>
          <Checkbox.Group
            data-testid="se-topics"
            options={SAFETY_EDUCATION_TOPIC_CODES.map((code) => ({ value: code, label: topic(code) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('se.note')}>
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="se-submit">
          {t('se.record')}
        </Button>
      </Form>
    </div>
  );
}
