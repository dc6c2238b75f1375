import type { ReactNode } from 'react';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { NETWORK_POSITIONS, ORIENTATIONS } from '@ranre/domain';
import { useI18n } from '../../i18n/index.tsx';
import { pick } from '../orders/labels.ts';

/**
 * Premises down to the room; for heating also the heated area, orientation, network position and the unit's
 * heat-use rate that billing and room-temperature sampling read (H-5.1, H-5.4.2).
 */
export function PremisesFields({ heating }: { heating: boolean }) {
  const { t, lang } = useI18n();
  const req = [{ required: true, whitespace: true, message: t('common.required') }];
  const col = (span: number, node: ReactNode) => (
    <Col xs={24} sm={12} md={span}>
      {node}
    </Col>
  );
  return (
    <Row gutter={12}>
      {col(
        6,
        <Form.Item name={['premises', 'district']} label={t('cust.district')} rules={req}>
          <Input placeholder={t('cust.districtExample')} />
        </Form.Item>,
      )}
      {col(
        6,
        <Form.Item name={['premises', 'street']} label={t('cust.street')}>
          <Input />
        </Form.Item>,
      )}
      {col(
        6,
        <Form.Item name={['premises', 'community']} label={t('cust.community')}>
          <Input />
        </Form.Item>,
      )}
      {col(
        6,
        <Form.Item name={['premises', 'building']} label={t('cust.building')}>
          <Input />
        </Form.Item>,
      )}
      {col(
        6,
        <Form.Item name={['premises', 'unit']} label={t('cust.unit')}>
          <Input />
        </Form.Item>,
      )}
      {col(
        6,
        <Form.Item name={['premises', 'floor']} label={t('cust.floor')}>
          <InputNumber style={{ width: '100%' }} min={-10} max={200} />
        </Form.Item>,
      )}
      {col(
        6,
        <Form.Item name={['premises', 'buildingFloors']} label={t('cust.buildingFloors')}>
          <InputNumber style={{ width: '100%' }} min={1} max={200} />
        </Form.Item>,
      )}
      {col(
        6,
        <Form.Item name={['premises', 'room']} label={t('cust.room')}>
          <Input />
        </Form.Item>,
      )}
      {heating ? (
        <>
          {col(
            6,
            <Form.Item
              name={['premises', 'heatedAreaM2']}
              label={t('cust.heatedAreaM2')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber style={{ width: '100%' }} min={0} addonAfter="m²" />
            </Form.Item>,
          )}
          {col(
            6,
            <Form.Item name={['premises', 'orientation']} label={t('cust.orientation')}>
              <Select
                allowClear
                options={Object.entries(ORIENTATIONS).map(([k, m]) => ({
                  value: k,
                  label: pick(m, lang),
                }))}
              />
            </Form.Item>,
          )}
          {col(
            6,
            <Form.Item name={['premises', 'networkPosition']} label={t('cust.networkPosition')}>
              <Select
                allowClear
                options={Object.entries(NETWORK_POSITIONS).map(([k, m]) => ({
                  value: k,
                  label: pick(m, lang),
                }))}
              />
            </Form.Item>,
          )}
          {col(
            6,
            <Form.Item name={['premises', 'unitHeatUseRate']} label={t('cust.unitHeatUseRate')}>
              <InputNumber style={{ width: '100%' }} min={0} max={100} addonAfter="%" />
            </Form.Item>,
          )}
        </>
      ) : null}
    </Row>
  );
}
