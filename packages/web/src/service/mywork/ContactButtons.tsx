import { Button, Tooltip } from 'antd';
import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/index.tsx';
import { mapSearchUrl, telUrl } from './links.ts';

/** Call the customer and navigate to the address: two thumb-sized buttons. */
export function ContactButtons({ phone, address }: { phone: string | null; address: string }) {
  const { t } = useI18n();
  const tel = telUrl(phone);
  const call = (
    <Button
      size="large"
      icon={<PhoneOutlined />}
      href={tel ?? undefined}
      disabled={!tel}
      data-testid="order-call"
      onClick={(e) => e.stopPropagation()}
      block
    >
      {t('my.call')}
    </Button>
  );
  return (
    <div className="touch-row">
      {tel ? call : <Tooltip title={t('my.phoneMasked')}>{call}</Tooltip>}
      <Button
        size="large"
        icon={<EnvironmentOutlined />}
        href={address ? mapSearchUrl(address) : undefined}
        target="_blank"
        rel="noopener noreferrer"
        disabled={!address}
        data-testid="order-navigate"
        onClick={(e) => e.stopPropagation()}
        block
      >
        {t('my.navigate')}
      </Button>
    </div>
  );
}
