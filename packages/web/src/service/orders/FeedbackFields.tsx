import { Form, Input, Radio } from 'antd';
import { SATISFACTIONS } from '@ranre/domain';
import type { WorkOrderDetail } from '../../api/workorders.ts';
import { DateTimeInput } from '../../common/DateTimeInput.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { satisfactionLabel } from './labels.ts';
import { toPicker } from './eventFields.ts';

const required = (msg: string) => [{ required: true, whitespace: true, message: msg }];

/** Initial values: the handler, the customer, the completion time and result already on the order. */
export function feedbackDefaults(order: WorkOrderDetail, userName: string): Record<string, unknown> {
  const done = [...order.events].reverse().find((e) => e.type === 'completed');
  const record = (done?.payload.record ?? {}) as { result?: string };
  const nonResponsible = order.complaint?.responsibility === 'non_responsible';
  return {
    feedback: {
      staffName: order.assigneeName ?? userName,
      customer: order.customerName ?? order.callerName,
      handledAt: toPicker(done?.at ?? new Date().toISOString()),
      result: record.result ?? '',
    },
    _answer: nonResponsible ? 'explanation' : 'findings',
  };
}

/**
 * G-5.9.8 feedback (staff, customer, time, result, satisfaction). For a complaint also what H-7.4.10.4 asks of
 * a responsible one (undecided counts as responsible, H-7.4.8) or the explanation H-7.4.9 asks of the others.
 */
export function FeedbackFields({ complaint }: { complaint: boolean }) {
  const { t, lang } = useI18n();
  const answer = Form.useWatch('_answer') as 'findings' | 'explanation' | undefined;
  return (
    <>
      <Form.Item
        name={['feedback', 'staffName']}
        label={t('wo.f.staffName')}
        rules={required(t('common.required'))}
      >
        <Input data-testid="feedback-staff" />
      </Form.Item>
      <Form.Item
        name={['feedback', 'customer']}
        label={t('wo.f.customer')}
        rules={required(t('common.required'))}
      >
        <Input data-testid="feedback-customer" />
      </Form.Item>
      <Form.Item
        name={['feedback', 'handledAt']}
        label={t('wo.f.handledAt')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DateTimeInput />
      </Form.Item>
      <Form.Item
        name={['feedback', 'result']}
        label={t('wo.f.result')}
        rules={required(t('common.required'))}
      >
        <Input.TextArea rows={2} data-testid="feedback-result" />
      </Form.Item>
      <Form.Item name={['feedback', 'satisfaction']} label={t('wo.f.satisfactionOptional')}>
        <Radio.Group
          options={SATISFACTIONS.map((s) => ({ value: s, label: satisfactionLabel(s, lang) }))}
          optionType="button"
        />
      </Form.Item>
      {complaint ? (
        <>
          <Form.Item name="_answer" label={t('wo.f.complaintAnswer')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'findings', label: t('wo.f.answerFindings') },
                { value: 'explanation', label: t('wo.f.answerExplanation') },
              ]}
            />
          </Form.Item>
          {answer === 'explanation' ? (
            <>
              <Form.Item name={['explanation', 'referral']} label={t('wo.f.explReferral')}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name={['explanation', 'policy']} label={t('wo.f.explPolicy')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item
                name={['findings', 'facts']}
                label={t('wo.f.facts')}
                rules={required(t('common.required'))}
              >
                <Input.TextArea rows={2} data-testid="findings-facts" />
              </Form.Item>
              <Form.Item
                name={['findings', 'correctiveMeasures']}
                label={t('wo.f.measures')}
                rules={required(t('common.required'))}
              >
                <Input.TextArea rows={2} data-testid="findings-measures" />
              </Form.Item>
              <Form.Item
                name={['findings', 'accountability']}
                label={t('wo.f.accountability')}
                rules={required(t('common.required'))}
              >
                <Input.TextArea rows={2} data-testid="findings-accountability" />
              </Form.Item>
            </>
          )}
        </>
      ) : null}
    </>
  );
}
