import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Col, Divider, Drawer, Form, Input, Row, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  CUSTOMER_KINDS,
  customerKindsFor,
  idCardProblem,
  type CustomerKind,
  type ServiceEnterpriseKind,
} from '@ranre/domain';
import { ApiError } from '../../api/client.ts';
import { customers, type Customer360, type CustomerCreate } from '../../api/customers.ts';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { errorText } from '../../common/errors.tsx';
import { phoneRules } from '../../common/validation.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pick } from '../orders/labels.ts';
import { ContractFields } from './ContractFields.tsx';
import { PremisesFields } from './PremisesFields.tsx';

type Values = Omit<CustomerCreate, 'contract'> & {
  withContract: boolean;
  contract?: {
    contractNo: string;
    signedOn: Dayjs;
    validFrom: Dayjs;
    validTo?: Dayjs;
    terms: Record<string, unknown>;
  };
};

/** A server field name ('premises.floor', 'terms.flowM3h', 'body.name') → the form's name path. */
function fieldPath(field: string): (string | number)[] {
  const parts = field.split(/[./[\]]+/).filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  return parts[0] === 'terms' ? ['contract', ...parts] : parts;
}

function showServerErrors(form: ReturnType<typeof Form.useForm<Values>>[0], e: unknown, lang: 'zh' | 'en') {
  if (!(e instanceof ApiError)) return errorText(e, lang);
  const d = e.details as { field?: unknown; fields?: unknown } | undefined;
  const named = [d?.field, ...(Array.isArray(d?.fields) ? d.fields : [])].filter(
    (f): f is string => typeof f === 'string',
  );
  const issues = e
    .fieldIssues()
    .map((i) => ({ path: Array.isArray(i.path) ? i.path.join('.') : i.path, text: i.message }));
  const all = [...named.map((f) => ({ path: f, text: e.text(lang) })), ...issues];
  if (all.length > 0) form.setFields(all.map((x) => ({ name: fieldPath(x.path), errors: [x.text] })));
  return e.text(lang);
}

/** Open an account: the customer, the first premises and optionally the supply contract, in one request. */
export function CustomerForm(props: {
  open: boolean;
  onClose: () => void;
  onSaved: (c: Customer360) => void;
}) {
  const { t, lang } = useI18n();
  const user = useUser();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kinds =
    user.enterpriseKind && user.enterpriseKind !== 'regulator'
      ? customerKindsFor(user.enterpriseKind as ServiceEnterpriseKind)
      : [];
  const kind = Form.useWatch('kind', form) as CustomerKind | undefined;
  const withContract = Form.useWatch('withContract', form) as boolean | undefined;
  const specialCare = Form.useWatch('specialCare', form) as boolean | undefined;
  const sector = kind ? CUSTOMER_KINDS[kind].sector : kinds[0] ? CUSTOMER_KINDS[kinds[0]].sector : 'gas';

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    setError(null);
  }, [props.open, form]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : undefined);
    const terms = Object.fromEntries(
      Object.entries(v.contract?.terms ?? {}).filter(([, x]) => x !== undefined && x !== null && x !== ''),
    );
    try {
      const created = await customers.create({
        accountNo: v.accountNo?.trim() || undefined,
        kind: v.kind,
        name: v.name.trim(),
        idCard: v.idCard?.trim() || undefined,
        phone: v.phone?.trim() || undefined,
        phone2: v.phone2?.trim() || undefined,
        specialCare: v.specialCare ?? false,
        specialCareNote: v.specialCareNote?.trim() ?? '',
        premises: v.premises,
        contract:
          v.withContract && v.contract
            ? {
                contractNo: v.contract.contractNo.trim(),
                signedOn: day(v.contract.signedOn)!,
                validFrom: day(v.contract.validFrom)!,
                validTo: day(v.contract.validTo) ?? null,
                terms,
              }
            : undefined,
      });
      props.onSaved(created);
    } catch (e) {
      setError(showServerErrors(form, e, lang));
    } finally {
      setBusy(false);
    }
  };

  const req = [{ required: true, whitespace: true, message: t('common.required') }];
  const idRule = {
    validator: (_: unknown, v?: string) =>
      !v || !idCardProblem(v.trim().toUpperCase())
        ? Promise.resolve()
        : Promise.reject(new Error(t('cust.idCardInvalid'))),
  };
  const col = (span: number, node: ReactNode) => (
    <Col xs={24} sm={12} md={span}>
      {node}
    </Col>
  );

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      width={760}
      title={t('cust.create')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="customer-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          kind: kinds[0],
          specialCare: false,
          withContract: false,
          contract: {
            terms:
              sector === 'heating'
                ? { settlementCycle: 'season', medium: 'hot_water' }
                : { settlementCycle: 'monthly', gasType: 'natural_gas' },
          },
        }}
      >
        <Divider orientation="left">{t('cust.account')}</Divider>
        <Row gutter={12}>
          {col(
            8,
            <Form.Item name="accountNo" label={t('cust.accountNo')} extra={t('cust.accountNoAuto')}>
              <Input />
            </Form.Item>,
          )}
          {col(
            8,
            <Form.Item
              name="kind"
              label={t('cust.kind')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select
                options={kinds.map((k) => ({ value: k, label: pick(CUSTOMER_KINDS[k].label, lang) }))}
              />
            </Form.Item>,
          )}
          {col(
            8,
            <Form.Item name="name" label={t('cust.name')} rules={req}>
              <Input data-testid="customer-name-input" />
            </Form.Item>,
          )}
          {col(
            8,
            <Form.Item name="idCard" label={t('cust.idCard')} rules={[idRule]}>
              <Input />
            </Form.Item>,
          )}
          {col(
            8,
            <Form.Item name="phone" label={t('cust.phone')} rules={phoneRules(t, false)}>
              <Input inputMode="tel" />
            </Form.Item>,
          )}
          {col(
            8,
            <Form.Item name="phone2" label={t('cust.phone2')} rules={phoneRules(t, false)}>
              <Input inputMode="tel" />
            </Form.Item>,
          )}
          {col(
            8,
            <Form.Item name="specialCare" label={t('console.specialCare')} valuePropName="checked">
              <Switch />
            </Form.Item>,
          )}
          {specialCare
            ? col(
                16,
                <Form.Item name="specialCareNote" label={t('cust.specialCareNote')}>
                  <Input placeholder={t('cust.specialCareExample')} />
                </Form.Item>,
              )
            : null}
        </Row>
        <Divider orientation="left">{t('cust.premises')}</Divider>
        <PremisesFields heating={sector === 'heating'} />
        <Divider orientation="left">
          <Space>
            {t('cust.contract')}
            <Form.Item name="withContract" valuePropName="checked" noStyle>
              <Switch size="small" />
            </Form.Item>
          </Space>
        </Divider>
        {withContract ? <ContractFields sector={sector} /> : null}
        {error ? <Alert type="error" showIcon message={error} /> : null}
      </Form>
    </Drawer>
  );
}
