import type { zhCessations } from './zh-cessations.ts';

/** English: ceasing business or stopping a service (G-6.2.14, G-9.3.2). */
export const enCessations: Record<keyof typeof zhCessations, string> = {
  'menu.cessations': 'Ceasing business',
  'cess.title': 'Ceasing business (G-6.2.14, G-9.3.2)',
  'cess.hint.pipeline':
    'A pipeline gas company that stops or suspends business applies to the gas authority 90 working days ahead, arranges its customers’ supply beforehand and tells them (G-6.2.14). The customers’ SMS goes out once the authority agrees.',
  'cess.hint.appliance':
    'An appliance installation and repair company that stops or suspends business tells its customers in advance and arranges open orders and warranties in force (G-9.3.2).',
  'cess.hint.regulator':
    'Every enterprise’s cessation filings. A pipeline company’s needs the gas authority’s decision (G-6.2.14).',
  'cess.policy':
    'Platform policy: customers are told at least 30 days before the date (the standard gives no number).',
  'cess.new': 'New cessation',
  'cess.ceasesOn': 'First day without service',
  'cess.service': 'Service that stops (empty: the whole business)',
  'cess.reason': 'Reason',
  'cess.arrangements':
    'Arrangements for customers (supply, prepaid balances and deposits, appliances left for repair)',
  'cess.successor': 'Who takes over open orders and warranties',
  'cess.successorPhone': 'Their phone',
  'cess.file': 'File',
  'cess.filed': 'Filed',
  'cess.preview':
    'Apply by {applyBy}; tell customers by {notifyBy}. Open now: {orders} orders, {warranties} warranties in force, {customers} customers.',
  'cess.noApply': 'no approval',
  'cess.list': 'Filings',
  'cess.col.enterprise': 'Enterprise',
  'cess.col.clause': 'Clause',
  'cess.col.ceasesOn': 'Ceases on',
  'cess.col.applyBy': 'Apply by',
  'cess.col.notifyBy': 'Tell by',
  'cess.col.open': 'Open',
  'cess.col.openValue': 'orders {orders} / warranties {warranties} / customers {customers}',
  'cess.col.status': 'Status',
  'cess.col.actions': 'Actions',
  'cess.status.awaiting_approval': 'Awaiting the authority',
  'cess.status.filed': 'Filed',
  'cess.status.approved': 'Approved',
  'cess.status.rejected': 'Refused',
  'cess.status.customers_notified': 'Customers told',
  'cess.status.withdrawn': 'Withdrawn',
  'cess.step.approved': 'Approved by the gas authority',
  'cess.step.rejected': 'Refused by the gas authority',
  'cess.step.customers_notified': 'Customers told ({n} SMS)',
  'cess.step.withdrawn': 'Withdrawn by the enterprise',
  'cess.noticeOverdue': 'Past the notice date, customers not told',
  'cess.notify': 'Tell customers',
  'cess.notifyConfirm':
    'Send the cessation SMS to the affected customers? The filing cannot be withdrawn afterwards.',
  'cess.withdraw': 'Withdraw',
  'cess.approve': 'Approve',
  'cess.reject': 'Refuse',
  'cess.rejectReason': 'Reason for refusing',
  'cess.successorLabel': 'Taken over by',
  'cess.filedBy': 'Filed by',
};
