import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Alert, Button, Col, Empty, Row, Space, Spin, Typography } from 'antd';
import { ExportOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { customers, type Customer } from '../../api/customers.ts';
import type { Id } from '../../api/types.ts';
import type { WorkOrderChannel, WorkOrderDetail } from '../../api/workorders.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { keys } from '../../common/query.ts';
import { isValidPhone } from '../../common/validation.ts';
import { useI18n } from '../../i18n/index.tsx';
import { stateLabel } from '../orders/labels.ts';
import { RepeatNotice } from '../orders/RepeatNotice.tsx';
import { Customer360Panel } from './Customer360Panel.tsx';
import { CustomerSearch, type CustomerSearchHandle } from './CustomerSearch.tsx';
import { NewOrderForm, type NewOrderFormHandle } from './NewOrderForm.tsx';
import { ReceptionScript } from './ReceptionScript.tsx';
import { ReferModal } from './ReferModal.tsx';
import { useCatalogue } from './useCatalogue.ts';

/** What the agent typed, if it is a phone number: the caller's number for the new order. */
function phoneFrom(query: string): string | undefined {
  const p = query.replace(/\s/g, '');
  return isValidPhone(p) ? p : undefined;
}

/**
 * /console — the agent's desk at 2 a.m.: find the caller (one box, Enter opens the first hit), see the customer 360,
 * and open an order beside it with the reception script (G-5.5.4) in view. Callers without a record and matters
 * outside the company (G-5.5.2) have their own quick actions.
 */
export function ConsolePage() {
  const { t, lang } = useI18n();
  const catalogue = useCatalogue();
  const search = useRef<CustomerSearchHandle>(null);
  const form = useRef<NewOrderFormHandle>(null);
  const [customerId, setCustomerId] = useState<Id | null>(null);
  const [noRecord, setNoRecord] = useState(false);
  const [callerPhone, setCallerPhone] = useState<string | undefined>();
  const [channel, setChannel] = useState<WorkOrderChannel>('phone');
  const [created, setCreated] = useState<WorkOrderDetail | null>(null);
  const [referOpen, setReferOpen] = useState(false);
  const queries = useQueryClient();
  const id = customerId === null ? '' : String(customerId);
  const c360 = useQuery({
    queryKey: keys.customer(id),
    queryFn: () => customers.get(id),
    enabled: id !== '',
  });
  const reload = () => void queries.invalidateQueries({ queryKey: keys.customer(id) });
  const customer = customerId ? (c360.data ?? null) : null;

  const open = (c: Customer, query: string) => {
    setCustomerId(c.id);
    setNoRecord(false);
    setCallerPhone(phoneFrom(query));
    setCreated(null);
    setTimeout(() => form.current?.focusItem(), 0);
  };

  const intakeWithoutRecord = () => {
    setCustomerId(null);
    setNoRecord(true);
    setCreated(null);
    setTimeout(() => form.current?.focusCaller(), 0);
  };

  const done = (order: WorkOrderDetail) => {
    setCreated(order);
    reload();
  };

  return (
    <div data-testid="page-console">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.console')}</Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary" className="kbd-hint">
            {t('console.keys')}
          </Typography.Text>
          <Button icon={<UserAddOutlined />} onClick={intakeWithoutRecord} data-testid="console-no-record">
            {t('console.noRecord')}
          </Button>
          <Button icon={<ExportOutlined />} onClick={() => setReferOpen(true)} data-testid="console-refer">
            {t('console.refer')}
          </Button>
        </Space>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <CustomerSearch ref={search} onOpen={open} />
            <ErrorAlert error={customerId ? c360.error : null} onRetry={reload} />
            {customerId && c360.isFetching && !customer ? (
              <Spin style={{ display: 'block', margin: 40 }} />
            ) : null}
            {customer ? <Customer360Panel data={customer} itemName={catalogue.itemName} /> : null}
            {!customerId && noRecord ? (
              <Alert type="info" showIcon message={t('console.noRecordHint')} data-testid="no-record-hint" />
            ) : null}
            {!customerId && !noRecord ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('console.startHint')} />
            ) : null}
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {created ? (
              <Alert
                type="success"
                showIcon
                closable
                onClose={() => setCreated(null)}
                data-testid="order-created"
                data-order-no={created.orderNo}
                message={t('console.created', {
                  no: created.orderNo,
                  state: stateLabel(created.state, lang),
                })}
                action={
                  <Link to={`/orders/${created.id}`} data-testid="order-created-link">
                    <Button size="small">{t('console.openOrder')}</Button>
                  </Link>
                }
              />
            ) : null}
            {created ? <RepeatNotice complaint={created.complaint} /> : null}
            <ReceptionScript channel={channel} script={created?.script} />
            <ErrorAlert error={catalogue.error} onRetry={catalogue.reload} />
            <NewOrderForm
              ref={form}
              customer={customer}
              callerPhone={callerPhone}
              catalogue={catalogue.items}
              onChannel={setChannel}
              onCreated={done}
            />
          </Space>
        </Col>
      </Row>
      <ReferModal
        open={referOpen}
        customer={customer}
        channel={channel}
        onClose={() => setReferOpen(false)}
        onDone={(order) => {
          setReferOpen(false);
          setCreated(order);
          search.current?.focus();
        }}
      />
    </div>
  );
}
