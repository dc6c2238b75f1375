import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

// The enums of the server's contract-terms.ts (G-5.3.3, G-6.2.3, H-7.1.5).
const CYCLES = ['monthly', 'bimonthly', 'quarterly', 'season', 'annual', 'per_purchase'];
const METHODS = ['prepaid_meter', 'postpaid_reading', 'bank_debit', 'per_purchase', 'advance_payment'];
const GAS_TYPES = ['natural_gas', 'lpg', 'cng', 'lng'];
const MEDIA = ['hot_water', 'steam'];

const T = ['contract', 'terms'];

/** A supply contract with what its sector's clause requires: G-5.3.3 (gas) or H-7.1.5 (heating). */
export function ContractFields({ sector }: { sector: 'gas' | 'heating' }) {
  const { t } = useI18n();
  const req = [{ required: true, message: t('common.required') }];
  const opts = (values: string[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));
  const label = (k: string) => t(`cust.term.${k}` as MessageKey);
  const num = (k: string, unit: string, required = true) => (
    <Col xs={12} md={8} key={k}>
      <Form.Item name={[...T, k]} label={label(k)} rules={required ? req : []}>
        <InputNumber addonAfter={unit} style={{ width: '100%' }} min={0} />
      </Form.Item>
    </Col>
  );
  const text = (k: string) => (
    <Col xs={24} md={12} key={k}>
      <Form.Item name={[...T, k]} label={label(k)} rules={req}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </Col>
  );
  return (
    <Row gutter={12}>
      <Col xs={12} md={8}>
        <Form.Item name={['contract', 'contractNo']} label={t('cust.contractNo')} rules={req}>
          <Input data-testid="contract-no" />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name={['contract', 'signedOn']} label={t('cust.signedOn')} rules={req}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name={['contract', 'validFrom']} label={t('cust.validFrom')} rules={req}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name={['contract', 'validTo']} label={t('cust.validTo')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item
          name={[...T, 'settlementCycle']}
          label={label('settlementCycle')}
          rules={sector === 'gas' ? req : []}
        >
          <Select options={opts(CYCLES, 'cust.cycle')} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item
          name={[...T, 'settlementMethod']}
          label={label('settlementMethod')}
          rules={sector === 'gas' ? req : []}
        >
          <Select allowClear options={opts(METHODS, 'cust.method')} />
        </Form.Item>
      </Col>
      {sector === 'gas' ? (
        <>
          <Col xs={12} md={8}>
            <Form.Item name={[...T, 'gasType']} label={label('gasType')} rules={req}>
              <Select options={opts(GAS_TYPES, 'cust.gasType')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={[...T, 'gasQuality']} label={label('gasQuality')} rules={req}>
              <Input />
            </Form.Item>
          </Col>
          {num('calorificValueMJ', 'MJ/m³')}
          {num('pressureKPa', 'kPa')}
          {num('flowM3h', 'm³/h')}
        </>
      ) : (
        <>
          <Col xs={12} md={8}>
            <Form.Item name={[...T, 'medium']} label={label('medium')} rules={req}>
              <Select options={opts(MEDIA, 'cust.medium')} />
            </Form.Item>
          </Col>
          {num('supplyTempC', '℃')}
          {num('returnTempC', '℃')}
          {num('pressureMPa', 'MPa', false)}
        </>
      )}
      {text('billingStandard')}
      {text('facilityDuties')}
      {text('freeServices')}
      {text('dataProtection')}
      {sector === 'heating' ? (
        <>
          {text('liability')}
          {text('penalty')}
        </>
      ) : null}
    </Row>
  );
}
