import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { CERT_COLOR, vehicleGas } from './vehicleGas.ts';

/** G-8.1.10 traceability: a vehicle's cylinders, every certificate it was shown with, its checks and fills. */
export function VehicleDrawer(props: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useQuery({
    queryKey: ['vehicle-gas', 'vehicle', props.id],
    queryFn: () => vehicleGas.vehicle(props.id!),
    enabled: props.id != null,
  });
  const d = detail.data;
  return (
    <Drawer open={props.id != null} onClose={props.onClose} width={640} title={d?.vehicle.plate ?? ''}>
      {d && (
        <div data-testid="vg-vehicle-detail">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('vg.owner')}>
              {d.vehicle.ownerName} {d.vehicle.ownerPhone}
            </Descriptions.Item>
            <Descriptions.Item label={t('vg.medium')}>{d.vehicle.medium}</Descriptions.Item>
            <Descriptions.Item label={t('vg.vehicleType')}>{d.vehicle.vehicleType}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('vg.cylinders')}</Typography.Title>
          {d.vehicle.cylinders.map((c) => (
            <div key={c.id}>
              <Typography.Text code>{c.serialNo}</Typography.Text> <Tag>{c.medium}</Tag>
              <Tag color={CERT_COLOR[c.certificateState]}>
                {c.certificateNo} · {c.certificateExpiresOn}
              </Tag>
            </div>
          ))}
          <Typography.Title level={5}>{t('vg.detail.certificates')}</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.certificates}
            columns={[
              { title: t('vg.cylinderSerial'), dataIndex: 'serialNo' },
              { title: t('vg.certificateNo'), dataIndex: 'certificateNo' },
              { title: t('vg.certificateExpires'), dataIndex: 'expiresOn' },
              { title: t('vg.detail.recorded'), render: (_, r) => dayjs(r.recordedAt).format('YYYY-MM-DD') },
            ]}
          />
          <Typography.Title level={5}>{t('vg.detail.checks')}</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.checks}
            columns={[
              { title: t('vg.time'), render: (_, r) => dayjs(r.checkedAt).format('MM-DD HH:mm') },
              {
                title: t('vg.outcome'),
                render: (_, r) => (
                  <>
                    <Tag color={r.outcome === 'refused' ? 'red' : 'green'}>
                      {t(`vg.outcome.${r.outcome}` as MessageKey)}
                    </Tag>
                    {r.reason && <Tag>{t(`vg.reason.${r.reason}` as MessageKey)}</Tag>}
                  </>
                ),
              },
            ]}
          />
          <Typography.Title level={5}>{t('vg.log.fills')}</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.fills}
            columns={[
              { title: t('vg.time'), render: (_, r) => dayjs(r.filledAt).format('MM-DD HH:mm') },
              { title: t('vg.quantity'), render: (_, r) => `${r.quantity} ${r.unit}` },
              { title: t('vg.dispenser'), render: (_, r) => `${r.dispenserNo}${t('vg.dispenserNo')}` },
              {
                title: t('vg.leakCheck'),
                render: (_, r) => (
                  <Tag color={r.leakFree ? 'green' : 'red'}>
                    {r.leakFree ? t('vg.leakOk') : t('vg.leakBad')}
                  </Tag>
                ),
              },
              { title: t('vg.attendant'), dataIndex: 'attendantName' },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
