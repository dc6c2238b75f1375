import { Tag } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { pick } from './labels.ts';

/** An order's catalogue item in a list, with the 投诉 tag when it is a complaint (board, supervision). */
export function ItemCell({
  order,
}: {
  order: { itemName: { zh: string; en: string }; isComplaint: boolean };
}) {
  const { t, lang } = useI18n();
  return (
    <span>
      {pick(order.itemName, lang)}
      {order.isComplaint ? (
        <Tag color="magenta" style={{ marginInlineStart: 6 }}>
          {t('wo.complaint')}
        </Tag>
      ) : null}
    </span>
  );
}
