import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/index.tsx';

export function LangSwitch({ dark = false }: { dark?: boolean }) {
  const { t, lang, setLang } = useI18n();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      data-testid="lang-switch"
      style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined}
    >
      {t('lang.switch')}
    </Button>
  );
}
