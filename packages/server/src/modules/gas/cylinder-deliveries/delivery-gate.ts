import { BOTTLED_DELIVERY_ITEM, type WorkOrderEvent } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import { fieldError } from '../../service/workorders/order-write.ts';
import { deliveryOfOrder } from './cylinder-deliveries.repository.ts';

// G-7.2.1, G-7.2.2: a bottled-gas delivery order is completed only on its recorded delivery (cylinders scanned,
// installed and signed for or declined with the advice), like the consent gate of appliance work.

export async function checkDelivered(tx: Db, row: { id: string; itemCode: string }, event: WorkOrderEvent) {
  if (row.itemCode !== BOTTLED_DELIVERY_ITEM || event.type !== 'completed') return;
  if (await deliveryOfOrder(tx, row.id)) return;
  fieldError(
    'DELIVERY_REQUIRED',
    'delivery',
    {
      zh: '请先在送气页面扫码交付满瓶并记录安装、检漏和签字（G-7.2.2）',
      en: 'Record the delivery first: scan the full cylinder, installation, leak check and signature (G-7.2.2)',
    },
    { clause: 'G-7.2.2' },
  );
}
