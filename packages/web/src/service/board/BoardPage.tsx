import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import { ReloadOutlined, SendOutlined, SwapOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { canDispatch } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Countdown, urgencyOf } from '../orders/Countdown.tsx';
import { OPEN_STATE_LIST, pick, stateLabel } from '../orders/labels.ts';
import { ItemCell } from '../orders/ItemCell.tsx';
import { StateTag } from '../orders/StateTag.tsx';
import { AlertsBadge } from './AlertsBadge.tsx';
import { DispatchModal, type DispatchMode } from './DispatchModal.tsx';
import { useBoard, type BoardItem } from './useBoard.ts';

const TO_DISPATCH = ['received', 'returned'];
const TO_TRANSFER = ['dispatched', 'accepted'];
const FAR = Number.MAX_SAFE_INTEGER;
const dueMs = (o: BoardItem) => (o.nextDueAt ? new Date(o.nextDueAt).getTime() : FAR);

/** /board — open orders, least time left first, with live countdowns; dispatch and transfer (H-7.3.4). */
export function BoardPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const dispatcher = canDispatch(user.role);
  const board = useBoard();
  const reload = () => void board.refetch();
  const [state, setState] = useState<string | undefined>();
  const [item, setItem] = useState<string | undefined>();
  const [complaintOnly, setComplaintOnly] = useState(false);
  const [breachedOnly, setBreachedOnly] = useState(false);
  const [text, setText] = useState('');
  const [action, setAction] = useState<{ order: BoardItem; mode: DispatchMode } | null>(null);
  // Row colours follow the clock; the countdown cells tick by themselves, rows are recoloured every 15 s.
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(tick);
  }, []);

  const all = useMemo(() => board.data ?? [], [board.data]);
  const itemOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const o of all) seen.set(o.itemCode, pick(o.itemName, lang) || o.itemCode);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [all, lang]);
  const q = text.trim().toLowerCase();
  const rows = all
    .filter(
      (o) =>
        !q ||
        [o.orderNo, o.address, o.customerName ?? '', o.callerName].some((f) => f.toLowerCase().includes(q)),
    )
    .filter((o) => !state || o.state === state)
    .filter((o) => !item || o.itemCode === item)
    .filter((o) => !complaintOnly || o.isComplaint)
    .filter((o) => !breachedOnly || o.breached || urgencyOf(o.nextDueAt, now) === 'overdue')
    .sort((a, b) => dueMs(a) - dueMs(b));

  return (
    <div data-testid="page-board">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.board')}</Typography.Title>
        <Space wrap>
          <AlertsBadge />
          <Button
            icon={<ReloadOutlined />}
            onClick={reload}
            loading={board.isFetching}
            data-testid="board-reload"
          >
            {t('common.refresh')}
          </Button>
        </Space>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('board.filterText')}
          style={{ width: 220 }}
          onChange={(e) => setText(e.target.value)}
          data-testid="board-filter-text"
        />
        <Select
          allowClear
          placeholder={t('board.filterState')}
          style={{ width: 180 }}
          value={state}
          onChange={setState}
          options={OPEN_STATE_LIST.map((s) => ({ value: s, label: stateLabel(s, lang) }))}
          data-testid="board-filter-state"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('board.filterItem')}
          style={{ width: 220 }}
          value={item}
          onChange={setItem}
          options={itemOptions}
          data-testid="board-filter-item"
        />
        <Checkbox checked={complaintOnly} onChange={(e) => setComplaintOnly(e.target.checked)}>
          {t('board.complaintOnly')}
        </Checkbox>
        <Checkbox
          checked={breachedOnly}
          onChange={(e) => setBreachedOnly(e.target.checked)}
          data-testid="board-filter-breached"
        >
          {t('board.breachedOnly')}
        </Checkbox>
        <Typography.Text type="secondary">{t('board.count', { n: rows.length })}</Typography.Text>
      </Space>
      <ErrorAlert error={board.error} onRetry={reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<BoardItem>
          rowKey="id"
          size="middle"
          loading={board.isPending}
          dataSource={rows}
          // An empty board says why: nothing open at all, or nothing that matches the filters.
          locale={{ emptyText: all.length === 0 ? t('board.emptyNone') : t('board.emptyFiltered') }}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          rowClassName={(o) => {
            const u = o.breached ? 'overdue' : urgencyOf(o.nextDueAt, now);
            return u === 'overdue' ? 'row-overdue' : u === 'soon' ? 'row-soon' : '';
          }}
          onRow={(o) => ({ 'data-testid': `board-row-${o.orderNo}` }) as object}
          columns={[
            {
              title: t('wo.timeLeft'),
              key: 'left',
              width: 150,
              render: (_, o) => <Countdown dueAt={o.nextDueAt} />,
            },
            {
              title: t('wo.orderNo'),
              dataIndex: 'orderNo',
              render: (no: string, o) => (
                <Link to={`/orders/${o.id}`} data-testid="board-order-link">
                  {no}
                </Link>
              ),
            },
            {
              title: t('wo.item'),
              key: 'item',
              render: (_, o) => <ItemCell order={o} />,
            },
            { title: t('wo.state'), key: 'state', render: (_, o) => <StateTag state={o.state} /> },
            {
              title: t('wo.customer'),
              key: 'customer',
              render: (_, o) => o.customerName || o.callerName,
            },
            { title: t('wo.address'), dataIndex: 'address', ellipsis: true, width: 240 },
            { title: t('wo.assignee'), key: 'assignee', render: (_, o) => o.assigneeName || '—' },
            {
              title: t('wo.receivedAt'),
              key: 'received',
              className: 'nowrap',
              render: (_, o) => formatShanghai(o.receivedAt, false),
            },
            {
              // H-7.3.9, G-5.9.2: the visit time agreed with the customer, which the on-site clock runs to
              title: t('wo.f.agreedAt'),
              key: 'agreed',
              className: 'nowrap',
              render: (_, o) => (o.agreedAt ? formatShanghai(o.agreedAt, false) : '—'),
            },
            ...(dispatcher
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    fixed: 'right' as const,
                    render: (_: unknown, o: BoardItem) =>
                      TO_DISPATCH.includes(o.state) ? (
                        <Button
                          size="small"
                          type="primary"
                          icon={<SendOutlined />}
                          onClick={() => setAction({ order: o, mode: 'dispatched' })}
                          data-testid="board-dispatch"
                        >
                          {t('board.dispatch')}
                        </Button>
                      ) : TO_TRANSFER.includes(o.state) ? (
                        <Button
                          size="small"
                          icon={<SwapOutlined />}
                          onClick={() => setAction({ order: o, mode: 'transferred' })}
                          data-testid="board-transfer"
                        >
                          {t('board.transfer')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <DispatchModal
        order={action?.order ?? null}
        mode={action?.mode ?? 'dispatched'}
        onClose={() => setAction(null)}
        onDone={() => {
          setAction(null);
          reload();
        }}
      />
    </div>
  );
}
