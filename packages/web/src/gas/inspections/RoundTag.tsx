import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { ROUND_COLOURS, type Round } from './networkChecks.ts';

/** A round's state this period, with the period and a red mark when the last one was missed. */
export function RoundTag({ round, testId }: { round: Round; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t('nc.period', { from: round.from, to: round.to })}>
      <span data-testid={testId}>
        <Tag color={ROUND_COLOURS[round.state]}>{t(`nc.round.${round.state}`)}</Tag>
        {round.previousMissed ? <Tag color="red">{t('nc.previousMissed')}</Tag> : null}
      </span>
    </Tooltip>
  );
}
