import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { repairSlipPdfUrl, shop, type SlipInput } from '../../api/appliances.ts';
import { workOrders, type WorkOrderDetail } from '../../api/workorders.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Intake = { callerName: string; callerPhone: string; appliance: string; description: string };

/**
 * G-9.2.5 c) at the service point: the appliance is taken in as a walk-in order and repaired at once (the order's
 * own flow, consent first), or, when it cannot be done today, a repair slip with the agreed pick-up date.
 */
export function WalkInPanel() {
  const { t, lang } = useI18n();
  const queries = useQueryClient();
  const [intake] = Form.useForm<Intake>();
  const [order, setOrder] = useState<{ detail: WorkOrderDetail; appliance: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = order ? String(order.detail.id) : '';
  const slips = useQuery({
    queryKey: ['repair-slips', id],
    queryFn: () => shop.slips(id),
    enabled: id !== '',
  });

  const take = useMutation({
    mutationFn: (v: Intake) =>
      workOrders.create({
        itemCode: 'appliance_walk_in_repair',
        channel: 'counter',
        callerName: v.callerName,
        callerPhone: v.callerPhone,
        description: `${v.appliance}：${v.description}`,
      }),
    onSuccess: (detail, v) => {
      setError(null);
      setOrder({ detail, appliance: v.appliance });
    },
    onError: (e) => setError(errorText(e, lang)),
  });
  const issue = useMutation({
    mutationFn: (v: SlipInput) => shop.issueSlip(id, v),
    onSuccess: (data) => {
      setError(null);
      queries.setQueryData(['repair-slips', id], data);
    },
    onError: (e) => setError(errorText(e, lang)),
  });
  const latest = slips.data?.items[0];

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('shop.walkIn.hint')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      {!order ? (
        <Form<Intake>
          form={intake}
          layout="vertical"
          onFinish={(v) => take.mutate(v)}
          data-testid="walkin-form"
        >
          <Form.Item name="callerName" label={t('shop.customerName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="callerPhone" label={t('shop.customerPhone')} rules={[{ required: true }]}>
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item name="appliance" label={t('shop.walkIn.appliance')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('shop.walkIn.fault')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={take.isPending}>
            {t('shop.walkIn.take')}
          </Button>
        </Form>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon message={t('shop.walkIn.taken', { no: order.detail.orderNo })} />
          <Link to={`/orders/${id}`}>
            <Button size="large" block>
              {t('shop.walkIn.now')}
            </Button>
          </Link>
          {latest ? (
            <Space direction="vertical" style={{ width: '100%' }} data-testid="slip-issued">
              <Alert
                type="info"
                message={t('shop.walkIn.slip', { no: latest.slipNo, date: latest.pickUpOn })}
              />
              <a href={repairSlipPdfUrl(id)} target="_blank" rel="noreferrer">
                <Button icon={<FilePdfOutlined />} block>
                  {t('shop.walkIn.pdf')}
                </Button>
              </a>
            </Space>
          ) : (
            <Form<SlipInput>
              layout="vertical"
              initialValues={{ appliance: order.appliance }}
              onFinish={(v) => issue.mutate(v)}
              data-testid="slip-form"
            >
              <Typography.Text strong>{t('shop.walkIn.notToday')}</Typography.Text>
              <Form.Item
                name="appliance"
                label={t('shop.walkIn.appliance')}
                rules={[{ required: true, min: 2 }]}
              >
                <Input />
              </Form.Item>
              <Form.Item name="reason" label={t('shop.walkIn.reason')} rules={[{ required: true, min: 2 }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="pickUpOn" label={t('shop.walkIn.pickUp')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={issue.isPending}>
                {t('shop.walkIn.issue')}
              </Button>
            </Form>
          )}
          <Button type="link" onClick={() => setOrder(null)}>
            {t('shop.walkIn.take')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
