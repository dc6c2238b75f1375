import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { appliances, receiptPdfUrl } from '../../api/appliances.ts';
import type { WorkOrderDetail } from '../../api/workorders.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { CertificateCard } from './CertificateCard.tsx';
import { ConsentCard } from './ConsentCard.tsx';
import { FacilityOwnerCard } from './FacilityOwnerCard.tsx';
import { WarrantiesInForce } from './WarrantiesInForce.tsx';

const DONE = ['completed', 'feedback_given', 'return_visited', 'closed'];
const WORKING = ['in_progress', 'on_site', ...DONE];

/**
 * The technician's appliance flow on the order: warranties at the address, consent, certificate, receipt; on a gas or
 * heating repair whose facility it is and, for the customer's own, the same consent (H-7.3.8).
 */
export function ApplianceWork({ order, onChange }: { order: WorkOrderDetail; onChange: () => void }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const id = String(order.id);
  const consent = useQuery({ queryKey: ['consent', id], queryFn: () => appliances.consent(id) });
  const { refetch } = consent;
  // A completion writes the warranty (G-9.2.8): read the address's warranties again when the state moves.
  useEffect(() => {
    void refetch();
  }, [order.state, refetch]);
  if (!consent.data) return <Spin />;
  const view = consent.data;
  const ended = ['refused', 'cancelled'].includes(order.state);
  return (
    <div data-testid="appliance-work">
      {view.ownerAsked ? null : <WarrantiesInForce items={view.warranties} />}
      {view.ownerAsked && !ended && !DONE.includes(order.state) ? (
        <FacilityOwnerCard orderId={id} view={view} onChange={onChange} />
      ) : null}
      {view.required && !ended && (view.consent || !DONE.includes(order.state)) ? (
        <ConsentCard
          orderId={id}
          signer={order.customerName || order.callerName}
          view={view}
          onSigned={onChange}
        />
      ) : null}
      {view.consent && !view.ownerAsked && WORKING.includes(order.state) ? (
        <CertificateCard orderId={id} itemCode={order.itemCode} me={String(user?.id ?? '')} />
      ) : null}
      {view.consent && DONE.includes(order.state) ? (
        <a href={receiptPdfUrl(id)} target="_blank" rel="noreferrer" data-testid="receipt-pdf">
          <Button size="large" block icon={<FilePdfOutlined />} style={{ marginBottom: 12 }}>
            {t('appl.receipt')}
          </Button>
        </a>
      ) : null}
    </div>
  );
}
