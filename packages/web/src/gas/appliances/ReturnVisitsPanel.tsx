import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  List,
  Radio,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { returnVisits, type InstallationVisits, type VisitInput } from '../../api/appliances.ts';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

const ADVICE = ['operation', 'precautions', 'leak'] as const;
const COLOR = { done: 'green', due: 'orange', upcoming: 'default' } as const;

/** G-9.3.1: installations with their return visits; a due visit is recorded with the advice given and the answers. */
export function ReturnVisitsPanel() {
  const { t } = useI18n();
  const [onlyDue, setOnlyDue] = useState(true);
  const list = useQuery({ queryKey: ['return-visits', onlyDue], queryFn: () => returnVisits.list(onlyDue) });
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('rv.hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Switch checked={onlyDue} onChange={setOnlyDue} />
        {t('rv.onlyDue')}
      </Space>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <List<InstallationVisits>
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('rv.none') }}
        renderItem={(i) => (
          <List.Item key={i.workOrderId} data-testid={`rv-${i.orderNo}`} style={{ display: 'block' }}>
            <Typography.Text strong>
              {i.customerName} {i.customerPhone}
            </Typography.Text>
            <div>{i.address}</div>
            <div style={{ color: '#888' }}>{t('rv.installed', { no: i.orderNo, date: i.completedOn })}</div>
            {i.visits.map((v) => (
              <div key={v.dueOn} style={{ marginTop: 6 }}>
                <Tag color={COLOR[v.state]}>
                  {v.dueOn} {t(`rv.state.${v.state}` as MessageKey)}
                </Tag>
                {v.answers ? <span>{v.answers}</span> : null}
                {v.state === 'due' ? <VisitForm orderId={i.workOrderId} dueOn={v.dueOn} /> : null}
              </div>
            ))}
          </List.Item>
        )}
      />
    </Card>
  );
}

function VisitForm({ orderId, dueOn }: { orderId: string; dueOn: string }) {
  const { t, lang } = useI18n();
  const queries = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: Omit<VisitInput, 'dueOn'>) => returnVisits.record(orderId, { ...v, dueOn }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['return-visits'] }),
    onError: (e) => setError(errorText(e, lang)),
  });
  return (
    <Form<Omit<VisitInput, 'dueOn'>>
      layout="vertical"
      initialValues={{ channel: 'phone', advice: [] }}
      onFinish={(v) => save.mutate(v)}
      style={{ marginTop: 8 }}
    >
      <Form.Item name="channel" label={t('rv.channel')}>
        <Radio.Group>
          <Radio value="phone">{t('rv.channel.phone')}</Radio>
          <Radio value="on_site">{t('rv.channel.on_site')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="advice" label={t('rv.advice')}>
        <Checkbox.Group options={ADVICE.map((k) => ({ value: k, label: t(`rv.a.${k}` as MessageKey) }))} />
      </Form.Item>
      <Form.Item name="answers" label={t('rv.answers')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} /> : null}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('rv.save')}
      </Button>
    </Form>
  );
}
