import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { appliances, yuan, type ConsentView, type PriceLineInput } from '../../api/appliances.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { SignaturePad, type SignaturePadHandle } from '../../service/orders/SignaturePad.tsx';

type Line = { kind: PriceLineInput['kind']; name: string; quantity: number; unitYuan: number };
type Values = { lines: Line[]; signerName: string; warrantyId?: string };

const toFen = (l: Line) => Math.round((l.unitYuan ?? 0) * 100);

/**
 * G-9.2.6, H-7.3.8 on the technician's phone: the price list of materials, parts and labour, shown to the customer
 * and signed before the work starts. A repair under a warranty in force is marked free (G-9.2.8).
 */
export function ConsentCard(props: {
  orderId: string;
  signer: string;
  view: ConsentView;
  onSigned: () => void;
}) {
  const { orderId, view } = props;
  const { t, lang } = useI18n();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const pad = useRef<SignaturePadHandle>(null);
  const [error, setError] = useState<string | null>(null);
  const lines = Form.useWatch('lines', form) ?? [];
  const warrantyId = Form.useWatch('warrantyId', form);
  const total = lines.reduce((s, l) => s + Math.round((l?.quantity ?? 0) * toFen(l ?? ({} as Line))), 0);

  const sign = useMutation({
    mutationFn: async (v: Values) => {
      if (pad.current?.isEmpty() ?? true) throw new Error(t('appl.signFirst'));
      const signatureAttachmentId = await appliances.signature(orderId, pad.current!.toPng());
      return appliances.sign(orderId, {
        lines: v.lines.map((l) => ({ kind: l.kind, name: l.name, quantity: l.quantity, unitFen: toFen(l) })),
        signerName: v.signerName,
        signatureAttachmentId,
        ...(v.warrantyId ? { warrantyId: v.warrantyId } : {}),
      });
    },
    onSuccess: (data) => {
      setError(null);
      queries.setQueryData(['consent', orderId], data);
      props.onSigned();
    },
    onError: (e) => setError(errorText(e, lang)),
  });

  const c = view.consent;
  if (c) {
    return (
      <Card
        className="my-card"
        title={t('appl.consent')}
        style={{ marginBottom: 12 }}
        data-testid="consent-signed"
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Tag color="green">{t('appl.consentSigned', { name: c.signerName })}</Tag>
          {c.lines.map((l, i) => (
            <div key={i} className="my-card-line">
              {t(`appl.kind.${l.kind}`)} · {l.name} {l.quantity} × {yuan(l.unitFen)} = {yuan(l.amountFen)}
            </div>
          ))}
          <Typography.Text strong data-testid="consent-charged">
            {t('appl.total', { total: yuan(c.totalFen), charged: yuan(c.chargedFen) })}
          </Typography.Text>
          {c.warrantyId ? <Tag color="blue">{t('appl.freeUnderWarranty')}</Tag> : null}
        </Space>
      </Card>
    );
  }

  return (
    <Card
      className="my-card"
      title={t('appl.consent')}
      style={{ marginBottom: 12 }}
      data-testid="consent-card"
    >
      <Typography.Paragraph type="secondary">{t('appl.consentHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          lines: [{ kind: 'labour', name: '', quantity: 1, unitYuan: 0 }],
          signerName: props.signer,
        }}
        onFinish={(v) => sign.mutate(v)}
      >
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} className="price-line" data-testid={`price-line-${i}`}>
                  <Space.Compact block>
                    <Form.Item name={[f.name, 'kind']} noStyle>
                      <Select
                        style={{ width: 90 }}
                        data-testid={`line-kind-${i}`}
                        options={(['material', 'part', 'labour'] as const).map((k) => ({
                          value: k,
                          label: t(`appl.kind.${k}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'name']}
                      noStyle
                      rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                    >
                      <Input placeholder={t('appl.lineName')} data-testid={`line-name-${i}`} />
                    </Form.Item>
                  </Space.Compact>
                  <Space style={{ marginTop: 6 }}>
                    <Form.Item name={[f.name, 'quantity']} noStyle>
                      <InputNumber min={0.01} step={1} style={{ width: 90 }} data-testid={`line-qty-${i}`} />
                    </Form.Item>
                    <span>×</span>
                    <Form.Item name={[f.name, 'unitYuan']} noStyle>
                      <InputNumber
                        min={0}
                        step={0.01}
                        precision={2}
                        prefix="¥"
                        style={{ width: 130 }}
                        data-testid={`line-price-${i}`}
                      />
                    </Form.Item>
                    {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} /> : null}
                  </Space>
                </div>
              ))}
              <Button
                block
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'part', name: '', quantity: 1, unitYuan: 0 })}
                style={{ margin: '8px 0' }}
                data-testid="line-add"
              >
                {t('appl.addLine')}
              </Button>
            </>
          )}
        </Form.List>
        {view.warranties.length > 0 ? (
          <Form.Item name="warrantyId" label={t('appl.underWarranty')}>
            <Select
              allowClear
              data-testid="consent-warranty"
              options={view.warranties.map((w) => ({
                value: w.id,
                label: t('appl.warrantyOption', { no: w.orderNo, ends: w.endsOn }),
              }))}
            />
          </Form.Item>
        ) : null}
        <Typography.Paragraph strong data-testid="consent-total">
          {t('appl.total', { total: yuan(total), charged: yuan(warrantyId ? 0 : total) })}
        </Typography.Paragraph>
        <Form.Item
          name="signerName"
          label={t('appl.signer')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={50} data-testid="consent-signer" />
        </Form.Item>
        <Form.Item label={t('appl.customerSigns')}>
          <SignaturePad ref={pad} />
        </Form.Item>
        {error ? (
          <Alert
            type="error"
            showIcon
            message={error}
            style={{ marginBottom: 12 }}
            data-testid="consent-error"
          />
        ) : null}
        <Button
          type="primary"
          size="large"
          block
          htmlType="submit"
          loading={sign.isPending}
          data-testid="consent-submit"
        >
          {t('appl.consentSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
