import { Tag } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { stateColor, stateLabel } from './labels.ts';

export function StateTag({ state }: { state: string }) {
  const { lang } = useI18n();
  return (
    <Tag color={stateColor(state)} data-testid="order-state" data-state={state}>
      {stateLabel(state, lang)}
    </Tag>
  );
}
