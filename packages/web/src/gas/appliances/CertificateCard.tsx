import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { INSTALLATION_CHECKLIST } from '@ranre/domain';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { appliances, certificatePdfUrl, type CertificateInput } from '../../api/appliances.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { SignaturePad, type SignaturePadHandle } from '../../service/orders/SignaturePad.tsx';

type Values = Omit<CertificateInput, 'installerSignatureId' | 'testerSignatureId'>;

/**
 * G-9.2.7 after the test: brand, model, leak test, flue CO with the limit it is judged against, the installer's and
 * tester's signatures; the server adds company, customer and phones, refuses naming what is missing, and issues
 * the PDF once.
 */
export function CertificateCard(props: { orderId: string; itemCode: string; me: string }) {
  const { orderId } = props;
  const { t, lang } = useI18n();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const installerPad = useRef<SignaturePadHandle>(null);
  const testerPad = useRef<SignaturePadHandle>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useQuery({
    queryKey: ['certificate', orderId],
    queryFn: () => appliances.certificate(orderId),
  });
  const people = useQuery({
    queryKey: ['signers', orderId],
    queryFn: () => appliances.signers(orderId),
  });

  const issue = useMutation({
    mutationFn: async (v: Values) => {
      const sig = async (pad: SignaturePadHandle | null) =>
        pad && !pad.isEmpty() ? appliances.signature(orderId, pad.toPng()) : undefined;
      return appliances.issue(orderId, {
        ...v,
        installerSignatureId: await sig(installerPad.current),
        testerSignatureId: await sig(testerPad.current),
      });
    },
    onSuccess: (data) => {
      setError(null);
      queries.setQueryData(['certificate', orderId], data);
    },
    onError: (e) => setError(errorText(e, lang)),
  });

  const c = current.data?.certificate;
  if (c) {
    return (
      <Card
        className="my-card"
        title={t('appl.certificate')}
        style={{ marginBottom: 12 }}
        data-testid="certificate-issued"
      >
        <Typography.Paragraph>
          {t('appl.certificateIssued', { no: c.certificateNo, date: c.issuedOn })}
        </Typography.Paragraph>
        <a href={certificatePdfUrl(orderId)} target="_blank" rel="noreferrer" data-testid="certificate-pdf">
          <Button size="large" block icon={<FilePdfOutlined />}>
            {t('appl.certificatePdf')}
          </Button>
        </a>
      </Card>
    );
  }
  const options = (people.data?.items ?? []).map((p) => ({
    value: String(p.id),
    label: p.unavailable ? `${p.displayName}（${p.unavailable[lang]}）` : p.displayName,
    disabled: p.unavailable !== null,
  }));
  return (
    <Card
      className="my-card"
      title={t('appl.certificate')}
      style={{ marginBottom: 12 }}
      data-testid="certificate-card"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ leakTestPassed: true, installerId: props.me }}
        onFinish={(v) => issue.mutate(v)}
      >
        {props.itemCode === 'appliance_installation' ? (
          <Form.Item name="checklist" label={t('appl.checklist')}>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
              {INSTALLATION_CHECKLIST.map((c) => (
                <Checkbox key={c.key} value={c.key} data-testid={`cert-check-${c.key}`}>
                  {c[lang]}（{c.clause}）
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        ) : null}
        <Form.Item name="brand" label={t('appl.brand')}>
          <Input maxLength={60} data-testid="cert-brand" />
        </Form.Item>
        <Form.Item name="model" label={t('appl.model')}>
          <Input maxLength={60} data-testid="cert-model" />
        </Form.Item>
        <Form.Item name="leakTestPassed" label={t('appl.leakTest')} valuePropName="checked">
          <Switch data-testid="cert-leak" />
        </Form.Item>
        <Form.Item name="flueCoPpm" label={t('appl.flueCo')}>
          <InputNumber min={0} addonAfter="ppm" style={{ width: '100%' }} data-testid="cert-co" />
        </Form.Item>
        <Form.Item name="coLimitPpm" label={t('appl.coLimit')}>
          <InputNumber min={1} addonAfter="ppm" style={{ width: '100%' }} data-testid="cert-co-limit" />
        </Form.Item>
        <Form.Item name="coLimitBasis" label={t('appl.coLimitBasis')}>
          <Input maxLength={100} placeholder={t('appl.coLimitBasisHint')} data-testid="cert-co-basis" />
        </Form.Item>
        <Form.Item name="installerId" label={t('appl.installer')}>
          <Select showSearch optionFilterProp="label" options={options} data-testid="cert-installer" />
        </Form.Item>
        <Form.Item label={t('appl.installerSigns')}>
          <div data-testid="cert-installer-pad">
            <SignaturePad ref={installerPad} />
          </div>
        </Form.Item>
        <Form.Item name="testerId" label={t('appl.tester')}>
          <Select showSearch optionFilterProp="label" options={options} data-testid="cert-tester" />
        </Form.Item>
        <Form.Item label={t('appl.testerSigns')}>
          <div data-testid="cert-tester-pad">
            <SignaturePad ref={testerPad} />
          </div>
        </Form.Item>
        {error ? (
          <Alert
            type="error"
            showIcon
            message={error}
            style={{ marginBottom: 12 }}
            data-testid="certificate-error"
          />
        ) : null}
        <Button
          type="primary"
          size="large"
          block
          htmlType="submit"
          loading={issue.isPending}
          data-testid="cert-submit"
        >
          {t('appl.issue')}
        </Button>
      </Form>
    </Card>
  );
}
