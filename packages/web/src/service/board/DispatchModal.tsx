import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import type { Id } from '../../api/types.ts';
import { workOrders } from '../../api/workorders.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { AssigneeSelect } from '../orders/AssigneeSelect.tsx';
import { eventLabel, pick } from '../orders/labels.ts';
import { isVersionConflict } from '../orders/useOrder.ts';
import type { BoardItem } from './useBoard.ts';

export type DispatchMode = 'dispatched' | 'transferred';

/** Dispatch an order to a handler, or transfer it with a reason (H-7.3.4). */
export function DispatchModal(props: {
  order: BoardItem | null;
  mode: DispatchMode;
  onClose: () => void;
  onDone: () => void;
}) {
  const { order, mode, onClose, onDone } = props;
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ assignee: Id; reason?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (order) {
      form.resetFields();
      setError(null);
    }
  }, [order, form]);

  const submit = async (v: { assignee: Id; reason?: string }) => {
    if (!order) return;
    setBusy(true);
    setError(null);
    try {
      const event =
        mode === 'transferred'
          ? { type: mode, assignee: String(v.assignee), reason: v.reason?.trim() ?? '' }
          : { type: mode, assignee: String(v.assignee) };
      await workOrders.act(order.id, order.version, event);
      message.success(t('wo.done', { action: eventLabel(mode, lang) }));
      onDone();
    } catch (e) {
      if (isVersionConflict(e)) {
        message.warning(t('wo.conflict'));
        onDone();
        return;
      }
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={order !== null}
      title={`${eventLabel(mode, lang)} · ${order?.orderNo ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('wo.submit')}
      okButtonProps={{ loading: busy, 'data-testid': 'dispatch-submit' }}
      destroyOnHidden
    >
      {order ? (
        <Typography.Paragraph type="secondary">
          {pick(order.itemName, lang)} · {order.address || order.callerName}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="assignee"
          label={t('wo.f.assignee')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <AssigneeSelect
            exclude={mode === 'transferred' ? order?.assigneeId : null}
            {...(order ? { itemCode: order.itemCode } : {})}
          />
        </Form.Item>
        {mode === 'transferred' ? (
          <Form.Item
            name="reason"
            label={t('wo.f.reason')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={2} data-testid="transfer-reason" />
          </Form.Item>
        ) : null}
        {error ? <Alert type="error" showIcon message={error} /> : null}
      </Form>
    </Modal>
  );
}
