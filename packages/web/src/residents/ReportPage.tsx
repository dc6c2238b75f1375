import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Select, Space, Spin, Typography } from 'antd';
import { PhoneOutlined, WarningFilled } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert, errorText } from '../common/errors.tsx';
import { useI18n } from '../i18n/index.tsx';
import { resident, residentKeys, type ReportInput, type ReportOptions } from './api.ts';

type Kind = ReportInput['kind'];

/** G-6.2.13: what to do at once, before any question is asked. */
function LeakAdvice({ options, onDone }: { options: ReportOptions; onDone: () => void }) {
  const { t, lang } = useI18n();
  return (
    <Card size="small" className="resident-emergency" data-testid="leak-advice">
      <Typography.Title level={4} type="danger" style={{ marginTop: 0 }}>
        <WarningFilled /> {t('res.leakTitle')}
      </Typography.Title>
      <ol className="resident-advice">
        {options.leakAdvice.map((a) => (
          <li key={a.zh}>{lang === 'zh' ? a.zh : a.en}</li>
        ))}
      </ol>
      <Space direction="vertical" style={{ width: '100%' }}>
        {/* A plain tel: link dials in every phone browser, WeChat's included. */}
        <a href={`tel:${options.hotline}`} data-testid="leak-call">
          <Button danger type="primary" block size="large" icon={<PhoneOutlined />}>
            {t('res.call24h', { phone: options.hotline })}
          </Button>
        </a>
        <Button block onClick={onDone} data-testid="leak-continue">
          {t('res.leakContinue')}
        </Button>
      </Space>
    </Card>
  );
}

/** Report a fault or a leak, or complain (G-5.8.1, H-7.5.2): each becomes a work order on the staff's clocks. */
export function ReportPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const accounts = useQuery({ queryKey: residentKeys.accounts, queryFn: resident.accounts });
  const options = useQuery({ queryKey: residentKeys.options, queryFn: resident.options });
  const [kind, setKind] = useState<Kind | null>(null);
  const [adviceSeen, setAdviceSeen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: resident.report,
    onSuccess: (r) => navigate(`/r/orders/${r.id}`),
    onError: (e) => setError(errorText(e, lang)),
  });
  if (accounts.error) return <ErrorAlert error={accounts.error} />;
  if (options.error) return <ErrorAlert error={options.error} />;
  if (!accounts.data || !options.data) return <Spin />;
  const items = accounts.data.items;
  if (items.length === 0)
    return (
      <div className="resident-page">
        <Alert
          type="info"
          message={t('res.bindFirst')}
          action={<Link to="/r/accounts">{t('menu.resAccounts')}</Link>}
        />
      </div>
    );
  // Heating services are offered on heating accounts only.
  const heatingOnly = kind === 'suspension' || kind === 'resumption' || kind === 'temperature_test';
  const eligible = heatingOnly ? items.filter((a) => a.sector === 'heating') : items;
  const choose = (k: Kind) => {
    setKind(k);
    setAdviceSeen(false);
  };
  return (
    <div className="resident-page">
      <Typography.Title level={4}>{t('menu.resReport')}</Typography.Title>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Button
          danger
          type="primary"
          block
          size="large"
          icon={<WarningFilled />}
          onClick={() => choose('leak')}
          data-testid="report-leak"
        >
          {t('res.kind.leak')}
        </Button>
        <Space.Compact block>
          <Button
            block
            onClick={() => choose('repair')}
            type={kind === 'repair' ? 'primary' : 'default'}
            data-testid="report-repair"
          >
            {t('res.kind.repair')}
          </Button>
          <Button
            block
            onClick={() => choose('complaint')}
            type={kind === 'complaint' ? 'primary' : 'default'}
            data-testid="report-complaint"
          >
            {t('res.kind.complaint')}
          </Button>
        </Space.Compact>
        {/* H-7.1.7, H-7.1.8, H-7.2.3: heating services a resident applies for online, on the same committed times. */}
        {items.some((a) => a.sector === 'heating') ? (
          <Space.Compact block>
            {(['suspension', 'resumption', 'temperature_test'] as const).map((k) => (
              <Button
                key={k}
                block
                onClick={() => choose(k)}
                type={kind === k ? 'primary' : 'default'}
                data-testid={`report-${k}`}
              >
                {t(`res.kind.${k}`)}
              </Button>
            ))}
          </Space.Compact>
        ) : null}
        {kind === 'leak' && !adviceSeen ? (
          <LeakAdvice options={options.data} onDone={() => setAdviceSeen(true)} />
        ) : null}
        {kind && (kind !== 'leak' || adviceSeen) ? (
          <Card size="small" title={t(`res.kind.${kind}`)}>
            {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
            <Form
              key={kind}
              layout="vertical"
              requiredMark={false}
              initialValues={{ customerId: eligible[0]?.id }}
              onFinish={(v: {
                customerId: string;
                description: string;
                complaintCategory?: ReportInput['complaintCategory'];
              }) =>
                send.mutate({ ...v, kind, channel: 'web', ...(kind === 'leak' ? { adviceSeen: true } : {}) })
              }
            >
              <Form.Item name="customerId" label={t('res.account')}>
                <Radio.Group>
                  <Space direction="vertical">
                    {eligible.map((a) => (
                      <Radio key={a.id} value={a.id}>
                        {a.accountNo} · {a.address ?? a.name}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
              {kind === 'complaint' ? (
                <Form.Item
                  name="complaintCategory"
                  label={t('res.category')}
                  rules={[{ required: true, message: t('res.required') }]}
                >
                  <Select
                    data-testid="report-category"
                    options={options.data.complaintCategories.map((c) => ({
                      value: c.code,
                      label: lang === 'zh' ? c.label.zh : c.label.en,
                    }))}
                  />
                </Form.Item>
              ) : null}
              <Form.Item
                name="description"
                label={t('res.description')}
                rules={[{ required: true, min: 2, message: t('res.descriptionRule') }]}
              >
                <Input.TextArea rows={4} maxLength={2000} data-testid="report-description" />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={send.isPending}
                data-testid="report-submit"
              >
                {t('res.submit')}
              </Button>
            </Form>
          </Card>
        ) : null}
      </Space>
    </div>
  );
}
