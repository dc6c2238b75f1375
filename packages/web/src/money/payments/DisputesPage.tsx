import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { disputes, paymentKeys, yuan, type Dispute } from '../../api/payments.ts';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { OpenDisputeModal, ResultModal } from './DisputeForms.tsx';

const m3 = (l: number | null) => (l === null ? '' : `${(l / 1000).toFixed(3)} m³`);

/** /disputes — meter disputes (G-6.2.11): the test request, the result, who pays, the compensation booked. */
export function DisputesPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const [opening, setOpening] = useState(false);
  const [recording, setRecording] = useState<Dispute | null>(null);
  const [viewing, setViewing] = useState<Dispute | null>(null);
  const queries = useQueryClient();
  const list = useQuery({
    queryKey: paymentKeys.disputeList({ limit: 100 }),
    queryFn: () => disputes.list({ limit: 100 }),
  });
  const canResult = user.role === 'enterprise_admin' || user.role === 'billing_clerk';
  const done = (d: Dispute) => {
    setOpening(false);
    setRecording(null);
    setViewing(d);
    // A result books the compensation and the test fee on the customer's ledger.
    void queries.invalidateQueries({ queryKey: paymentKeys.disputes });
    void queries.invalidateQueries({ queryKey: paymentKeys.ledger });
  };
  return (
    <div data-testid="page-disputes">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.disputes')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
          {t('dsp.open')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('dsp.rule')}</Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Card size="small">
        <Table<Dispute>
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          onRow={(d) => ({ onClick: () => setViewing(d), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('dsp.no'), dataIndex: 'disputeNo' },
            { title: t('pay.customerName'), key: 'c', render: (_, d) => `${d.customerName} ${d.accountNo}` },
            { title: t('pay.meter'), dataIndex: 'meterSerialNo' },
            { title: t('dsp.requestedOn'), dataIndex: 'requestedOn' },
            {
              title: t('dsp.result'),
              key: 'r',
              render: (_, d) =>
                d.status === 'requested' ? (
                  <Tag>{t('dsp.waiting')}</Tag>
                ) : (
                  <Tag color={d.result === 'fail' ? 'red' : 'green'}>
                    {d.result === 'fail' ? t('dsp.fail') : t('dsp.pass')} {d.errorPercent}%
                  </Tag>
                ),
            },
            {
              title: t('dsp.compensation'),
              dataIndex: 'compensationFen',
              align: 'right',
              render: (v: number | null) => yuan(v),
            },
            {
              title: '',
              key: 'act',
              render: (_, d) =>
                d.status === 'requested' && canResult ? (
                  <Button
                    size="small"
                    onClick={(e) => {
                      e.stopPropagation();
                      setRecording(d);
                    }}
                  >
                    {t('dsp.recordResult')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <OpenDisputeModal open={opening} onClose={() => setOpening(false)} onDone={done} />
      <ResultModal dispute={recording} onClose={() => setRecording(null)} onDone={done} />
      <Drawer open={viewing !== null} onClose={() => setViewing(null)} width={640} title={viewing?.disputeNo}>
        {viewing ? (
          <div data-testid="dispute-detail">
            <Descriptions
              size="small"
              bordered
              column={1}
              items={[
                {
                  key: 'c',
                  label: t('pay.customerName'),
                  children: (
                    <Link
                      to={`/statement/${viewing.customerId}`}
                    >{`${viewing.customerName} ${viewing.accountNo}`}</Link>
                  ),
                },
                {
                  key: 'm',
                  label: t('pay.meter'),
                  children: `${viewing.meterSerialNo}（${t('dsp.installedOn')} ${viewing.installedOn ?? ''}）`,
                },
                {
                  key: 'rq',
                  label: t('dsp.requestedBy'),
                  children: `${viewing.requestedOn} · ${t(`dsp.by.${viewing.requestedBy}` as MessageKey)}`,
                },
                { key: 'cmp', label: t('dsp.complaint'), children: viewing.complaint },
                {
                  key: 'inst',
                  label: t('dsp.institution'),
                  children: `${viewing.testInstitution} · ${t('dsp.testFee')} ${yuan(viewing.testFeeFen)}`,
                },
                {
                  key: 'res',
                  label: t('dsp.result'),
                  children:
                    viewing.status === 'requested'
                      ? t('dsp.waiting')
                      : `${viewing.errorPercent}%（±${viewing.tolerancePercent}%）${viewing.result === 'fail' ? t('dsp.fail') : t('dsp.pass')}`,
                },
                {
                  key: 'pay',
                  label: t('dsp.paidBy'),
                  children: viewing.testPaidBy
                    ? t(`dsp.by.${viewing.testPaidBy === 'company' ? 'company' : 'customer'}`)
                    : '',
                },
                {
                  key: 'win',
                  label: t('dsp.window'),
                  children: viewing.windowFrom ? `${viewing.windowFrom} – ${viewing.windowTo}` : '',
                },
                { key: 'met', label: t('dsp.metered'), children: m3(viewing.meteredLitres) },
                { key: 'vol', label: t('dsp.errorVolume'), children: m3(viewing.compensationLitres) },
                {
                  key: 'price',
                  label: t('dsp.price'),
                  children: viewing.priceFenPerM3 ? `${yuan(viewing.priceFenPerM3)}/m³` : '',
                },
                {
                  key: 'comp',
                  label: t('dsp.compensation'),
                  children: (
                    <strong data-testid="dispute-compensation">{yuan(viewing.compensationFen)}</strong>
                  ),
                },
              ]}
            />
            {viewing.explanation.zh ? (
              <Typography.Paragraph style={{ marginTop: 12 }} data-testid="dispute-explanation">
                {lang === 'zh' ? viewing.explanation.zh : viewing.explanation.en}
              </Typography.Paragraph>
            ) : null}
          </div>
        ) : null}
      </Drawer>
    </div>
  );
}
