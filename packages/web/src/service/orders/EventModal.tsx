import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import {
  COMPLAINT_RESPONSIBILITIES,
  REFUSAL_CONDITIONS,
  REFUSAL_CONDITION_LABELS,
  SATISFACTIONS,
} from '@ranre/domain';
import type { WorkOrderDetail, WorkOrderEventType } from '../../api/workorders.ts';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { DateTimeInput } from '../../common/DateTimeInput.tsx';
import { errorText } from '../../common/errors.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { AssigneeSelect } from './AssigneeSelect.tsx';
import { CompletionForm } from './CompletionForm.tsx';
import { EVENT_FIELDS, toPayload, type FieldSpec } from './eventFields.ts';
import { FeedbackFields, feedbackDefaults } from './FeedbackFields.tsx';
import { eventClauses, eventLabel, satisfactionLabel } from './labels.ts';
import type { OrderAction } from './useOrder.ts';

function Field({
  spec,
  exclude,
  itemCode,
}: {
  spec: FieldSpec;
  exclude?: WorkOrderDetail['assigneeId'];
  itemCode?: string;
}) {
  const { t, lang } = useI18n();
  const rules = spec.required ? [{ required: true, message: t('common.required') }] : [];
  const testId = `field-${spec.name.join('-')}`;
  let control;
  switch (spec.kind) {
    case 'assignee':
      control = <AssigneeSelect exclude={exclude} {...(itemCode ? { itemCode } : {})} />;
      break;
    case 'staff':
      control = <AssigneeSelect purpose="handover" />;
      break;
    case 'datetime':
      control = <DateTimeInput testId={testId} />;
      break;
    case 'satisfaction':
      control = (
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid={testId}
          options={SATISFACTIONS.map((s) => ({ value: s, label: satisfactionLabel(s, lang) }))}
        />
      );
      break;
    case 'responsibility':
      control = (
        <Radio.Group
          optionType="button"
          options={COMPLAINT_RESPONSIBILITIES.map((r) => ({
            value: r,
            label: t(`wo.resp.${r}` as MessageKey),
          }))}
        />
      );
      break;
    case 'reasonable':
      control = (
        <Radio.Group
          optionType="button"
          data-testid={testId}
          options={[
            { value: true, label: t('wo.reasonable.true') },
            { value: false, label: t('wo.reasonable.false') },
          ]}
        />
      );
      break;
    case 'condition':
      // G-5.3.1, G-6.1.3: a connection's refusal names the supply condition not met.
      control = (
        <Radio.Group
          data-testid={testId}
          options={REFUSAL_CONDITIONS.map((c) => ({ value: c, label: REFUSAL_CONDITION_LABELS[c][lang] }))}
        />
      );
      break;
    case 'text':
      control = <Input data-testid={testId} />;
      break;
    default:
      control = <Input.TextArea rows={spec.kind === 'lines' ? 3 : 2} data-testid={testId} />;
  }
  return (
    <Form.Item
      name={spec.name}
      label={t(spec.label)}
      rules={rules}
      extra={spec.kind === 'lines' ? t('wo.f.onePerLine') : undefined}
    >
      {control}
    </Form.Item>
  );
}

/** The small form of one event (its payload), sent with the order's version. */
export function EventModal(props: {
  type: WorkOrderEventType | null;
  order: WorkOrderDetail;
  act: OrderAction;
  onClose: () => void;
}) {
  const { type, order, act, onClose } = props;
  const { t, lang } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!type) return;
    setError(null);
    form.resetFields();
    if (type === 'feedback_given')
      form.setFieldsValue(
        feedbackDefaults(order, user.displayName) as Parameters<typeof form.setFieldsValue>[0],
      );
    // Only when a new form opens: later changes to the order must not wipe what is being typed.
  }, [type]);

  const send = async (payload: Record<string, unknown>) => {
    if (!type) return;
    setBusy(true);
    setError(null);
    try {
      await act({ type, ...payload });
      message.success(t('wo.done', { action: eventLabel(type, lang) }));
      onClose();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  const completion = type === 'completed';
  const title = type ? (
    <span>
      {eventLabel(type, lang)}{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
        {eventClauses(type).join(' · ')}
      </Typography.Text>
    </span>
  ) : null;

  return (
    <Modal
      open={type !== null}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      okText={t('wo.submit')}
      okButtonProps={{ loading: busy, 'data-testid': 'event-submit' }}
      onOk={() => form.submit()}
      footer={completion ? null : undefined}
      width={completion ? 560 : 520}
    >
      {completion ? (
        <CompletionForm
          order={order}
          act={async (event) => {
            const next = await act(event);
            message.success(t('wo.done', { action: eventLabel('completed', lang) }));
            onClose();
            return next;
          }}
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => type && void send(toPayload(type, values))}
          data-testid="event-form"
          data-event={type ?? ''}
        >
          {type === 'feedback_given' ? <FeedbackFields complaint={order.isComplaint} /> : null}
          {(type ? (EVENT_FIELDS[type] ?? []) : []).map((spec) => (
            <Field
              key={spec.name.join('.')}
              spec={spec}
              exclude={type === 'transferred' ? order.assigneeId : null}
              itemCode={order.itemCode}
            />
          ))}
          {error ? <Alert type="error" showIcon message={error} data-testid="event-error" /> : null}
        </Form>
      )}
    </Modal>
  );
}
