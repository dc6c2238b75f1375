import { Card, Image, Space, Tag, Typography } from 'antd';
import { attachmentUrl, type Attachment } from '../../api/workorders.ts';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';

/** Photos and the customer's signature of the on-site record (G-5.9.7). */
export function Attachments({ items }: { items: Attachment[] }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <Card title={t('wo.attachments')} size="small" data-testid="order-attachments">
      <Image.PreviewGroup>
        <Space wrap align="start" size={12}>
          {items.map((a) => (
            <div key={String(a.id)} className="attachment" data-testid={`attachment-${a.kind}`}>
              <Image
                src={attachmentUrl(a.id)}
                width={a.kind === 'signature' ? 200 : 120}
                height={a.kind === 'signature' ? 100 : 120}
                style={{ objectFit: a.kind === 'signature' ? 'contain' : 'cover', background: '#fff' }}
              />
              <div>
                <Tag color={a.kind === 'signature' ? 'purple' : 'blue'}>
                  {a.kind === 'signature' ? t('wo.customerSignature') : t('wo.photo')}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatShanghai(a.createdAt, false)}
                </Typography.Text>
              </div>
            </div>
          ))}
        </Space>
      </Image.PreviewGroup>
    </Card>
  );
}
