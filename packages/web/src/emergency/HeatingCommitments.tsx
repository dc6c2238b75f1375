import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { enterpriseColumn } from '../common/enterprises.tsx';
import { applyServerErrors } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { heatingOps, heatingOpsKeys, type BuildingNotice, type Commitment } from './emergency.ts';

type Props = { canEdit: boolean; regulator: boolean; names: Map<string, string> };
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

type CommitmentValues = {
  community: string;
  connectedOn: Dayjs;
  party: 'developer' | 'property_company';
  partyName: string;
  partyPhone: string;
  endsOn?: Dayjs;
  terms: string;
};

/**
 * H-6.1.7: a newly connected community's maintenance commitment filed by the developer (shown to residents on the
 * public page), or the property company recorded as inheriting it; H-9.6.3 reads the one in force for claims.
 */
export function CommitmentsCard({ canEdit, regulator, names }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<CommitmentValues>();
  const party = Form.useWatch('party', form);
  const list = useQuery({ queryKey: heatingOpsKeys.commitments, queryFn: heatingOps.commitments });
  const file = useMutation({
    mutationFn: (v: CommitmentValues) =>
      heatingOps.fileCommitment({
        community: v.community,
        connectedOn: day(v.connectedOn),
        party: v.party,
        partyName: v.partyName,
        partyPhone: v.partyPhone,
        terms: v.terms,
        ...(v.party === 'developer' && v.endsOn ? { endsOn: day(v.endsOn) } : {}),
      }),
    onSuccess: () => {
      message.success(t('em.saved'));
      form.resetFields();
      void queries.invalidateQueries({ queryKey: heatingOpsKeys.commitments });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['endsOn', 'connectedOn']);
      if (text) message.error(text);
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="id"
        data-testid="commitments"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        rowClassName={(c) => (c.superseded ? 'ant-table-row-disabled' : '')}
        columns={[
          ...enterpriseColumn<Commitment>(t, names, regulator),
          { title: t('emo.commit.community'), dataIndex: 'community' },
          { title: t('emo.commit.connectedOn'), dataIndex: 'connectedOn', className: 'nowrap' },
          {
            title: t('emo.commit.party'),
            render: (_: unknown, c: Commitment) =>
              `${t(`emo.commit.party.${c.party}` as MessageKey)}：${c.partyName}`,
          },
          { title: t('emo.commit.phone'), dataIndex: 'partyPhone' },
          { title: t('emo.commit.endsOn'), dataIndex: 'endsOn', render: (v: string | null) => v ?? '—' },
          { title: t('emo.commit.terms'), dataIndex: 'terms' },
          {
            title: t('em.claim.state'),
            render: (_: unknown, c: Commitment) =>
              c.superseded ? (
                <Tag>{t('emo.commit.superseded')}</Tag>
              ) : c.developerMaintainsToday ? (
                <Tag color="orange">{t('emo.commit.developerNow')}</Tag>
              ) : (
                <Tag color="green">{t('emo.commit.inForce')}</Tag>
              ),
          },
        ]}
      />
      {canEdit ? (
        <Card size="small" title={t('emo.commit.add')}>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => file.mutate(v)}
            initialValues={{ party: 'developer' }}
          >
            <Space wrap>
              <Form.Item name="community" label={t('emo.commit.community')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="connectedOn" label={t('emo.commit.connectedOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="party" label={t('emo.commit.party')} rules={[{ required: true }]}>
                <Select
                  style={{ minWidth: 200 }}
                  options={['developer', 'property_company'].map((k) => ({
                    value: k,
                    label: t(`emo.commit.party.${k}` as MessageKey),
                  }))}
                />
              </Form.Item>
              <Form.Item name="partyName" label={t('emo.commit.partyName')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="partyPhone" label={t('emo.commit.phone')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              {party === 'developer' ? (
                <Form.Item name="endsOn" label={t('emo.commit.endsOn')} rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
              ) : null}
            </Space>
            <Form.Item name="terms" label={t('emo.commit.terms')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={file.isPending}>
              {t('em.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}

type NoticeValues = Omit<
  BuildingNotice,
  'id' | 'enterpriseId' | 'households' | 'createdAt' | 'effectiveOn'
> & {
  effectiveOn: Dayjs;
};

/** H-6.3.4: the owner of a building's shared heating system told ahead, and the notice put up at the building. */
export function BuildingNoticesCard({ canEdit, regulator, names }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<NoticeValues>();
  const list = useQuery({ queryKey: heatingOpsKeys.notices, queryFn: heatingOps.notices });
  const issue = useMutation({
    mutationFn: (v: NoticeValues) => heatingOps.issueNotice({ ...v, effectiveOn: day(v.effectiveOn) }),
    onSuccess: (n) => {
      message.success(t('emo.notice.sent', { households: n.households }));
      form.resetFields();
      void queries.invalidateQueries({ queryKey: heatingOpsKeys.notices });
    },
    onError: (e) => {
      const text = applyServerErrors(form, e, lang, ['effectiveOn']);
      if (text) message.error(text);
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="id"
        data-testid="building-notices"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          ...enterpriseColumn<BuildingNotice>(t, names, regulator),
          {
            title: t('emo.notice.given'),
            dataIndex: 'createdAt',
            render: (v: string) => formatShanghai(v, false),
          },
          {
            title: t('emo.notice.building'),
            render: (_: unknown, n: BuildingNotice) => `${n.community} ${n.building}`,
          },
          {
            title: t('emo.notice.reason'),
            dataIndex: 'reason',
            render: (k: string) => t(`emo.notice.reason.${k}` as MessageKey),
          },
          { title: t('emo.notice.cause'), dataIndex: 'cause' },
          { title: t('emo.notice.effectiveOn'), dataIndex: 'effectiveOn', className: 'nowrap' },
          {
            title: t('emo.notice.owner'),
            render: (_: unknown, n: BuildingNotice) => `${n.ownerName} ${n.ownerPhone}`,
          },
          { title: t('emo.notice.households'), dataIndex: 'households' },
          {
            title: t('emo.notice.pdf'),
            render: (_: unknown, n: BuildingNotice) => (
              <a href={`/api/heating/building-notices/${n.id}/notice.pdf`} target="_blank" rel="noreferrer">
                PDF
              </a>
            ),
          },
        ]}
      />
      {canEdit ? (
        <Card size="small" title={t('emo.notice.add')}>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => issue.mutate(v)}
            initialValues={{ reason: 'cannot_fill' }}
          >
            <Space wrap>
              <Form.Item name="community" label={t('emo.commit.community')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="building" label={t('emo.notice.buildingNo')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="reason" label={t('emo.notice.reason')} rules={[{ required: true }]}>
                <Select
                  style={{ minWidth: 220 }}
                  options={['cannot_fill', 'cannot_run'].map((k) => ({
                    value: k,
                    label: t(`emo.notice.reason.${k}` as MessageKey),
                  }))}
                />
              </Form.Item>
              <Form.Item name="effectiveOn" label={t('emo.notice.effectiveOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="ownerName" label={t('emo.notice.ownerName')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="ownerPhone" label={t('emo.commit.phone')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            </Space>
            <Form.Item name="cause" label={t('emo.notice.cause')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="advice" label={t('emo.notice.advice')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={issue.isPending}>
              {t('emo.notice.send')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}
