import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { applyServerErrors } from '../common/errors.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { emergency, emergencyKeys, insurance, insuranceKeys } from './emergency.ts';

export const EXCLUSIONS = [
  'customer_owned_facility',
  'customer_modification',
  'developer_warranty',
  'poorly_maintained_public_facility',
  'indirect_loss',
] as const;

type Values = {
  policyId: string;
  incidentId?: string;
  community?: string;
  claimant: string;
  description: string;
  facts?: string[];
  overrideReason?: string;
};

/**
 * G-11.2, H-9.6: a claim is opened against a policy, from an incident; the exclusions of H-9.6 are asked, and one
 * that applies (the developer's period read from the community's commitment, H-9.6.3) stops the opening with the
 * reason unless a written reason to accept it anyway is given.
 */
export function ClaimForm({ onOpened }: { onOpened: (id: string) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [excluded, setExcluded] = useState<string | null>(null);
  const policies = useQuery({ queryKey: insuranceKeys.policies, queryFn: insurance.policies });
  const incidents = useQuery({ queryKey: emergencyKeys.incidents, queryFn: emergency.incidents });
  const open = useMutation({
    mutationFn: (v: Values) =>
      insurance.openClaim({
        policyId: v.policyId,
        claimant: v.claimant,
        description: v.description,
        facts: Object.fromEntries((v.facts ?? []).map((f) => [f, true])),
        ...(v.incidentId ? { incidentId: v.incidentId } : {}),
        ...(v.community?.trim() ? { community: v.community.trim() } : {}),
        ...(v.overrideReason?.trim() ? { overrideReason: v.overrideReason.trim() } : {}),
      }),
    onSuccess: (c) => {
      message.success(t('em.saved'));
      setExcluded(null);
      form.resetFields();
      void queries.invalidateQueries({ queryKey: insuranceKeys.claims });
      onOpened(c.id);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'CLAIM_EXCLUDED') {
        setExcluded(e.messages?.[lang] ?? e.message);
        return;
      }
      const text = applyServerErrors(form, e, lang, ['overrideReason']);
      if (text) message.error(text);
    },
  });
  return (
    <Card size="small" title={t('emo.claim.open')}>
      <Form form={form} layout="vertical" onFinish={(v) => open.mutate(v)}>
        <Space wrap>
          <Form.Item name="policyId" label={t('emo.claim.policy')} rules={[{ required: true }]}>
            <Select
              style={{ minWidth: 260 }}
              data-testid="claim-policy"
              options={(policies.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${p.insurer} ${p.policyNo}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="incidentId" label={t('emo.claim.incident')}>
            <Select
              allowClear
              style={{ minWidth: 220 }}
              data-testid="claim-incident"
              options={(incidents.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))}
            />
          </Form.Item>
          <Form.Item name="community" label={t('emo.claim.community')} tooltip={t('emo.claim.communityHelp')}>
            <Input data-testid="claim-community" />
          </Form.Item>
          <Form.Item name="claimant" label={t('em.claim.claimant')} rules={[{ required: true }]}>
            <Input data-testid="claim-claimant" />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('em.claim.description')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} data-testid="claim-description" />
        </Form.Item>
        <Form.Item name="facts" label={t('emo.claim.facts')}>
          <Checkbox.Group
            data-testid="claim-facts"
            options={EXCLUSIONS.map((k) => ({ value: k, label: t(`emo.excl.${k}` as MessageKey) }))}
          />
        </Form.Item>
        {excluded ? (
          <Alert
            type="warning"
            showIcon
            data-testid="claim-excluded"
            message={excluded}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Form.Item name="overrideReason" label={t('emo.claim.override')}>
          <Input.TextArea rows={2} data-testid="claim-override" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={open.isPending} data-testid="claim-save">
          {t('em.save')}
        </Button>
      </Form>
    </Card>
  );
}
