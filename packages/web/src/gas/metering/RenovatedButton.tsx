import { App, Button, Popconfirm } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { patrols } from '../../api/patrols.ts';
import { errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** G-5.11.3: marks the customer's home renovated now; the valve then waits for a new inspection passed. */
export function RenovatedButton({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const mark = useMutation({
    mutationFn: () => patrols.renovated({ customerId, renovatedAt: new Date().toISOString() }),
    onSuccess: () => message.success(t('meter.renovatedDone')),
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <Popconfirm title={t('meter.renovatedDone')} onConfirm={() => mark.mutate()}>
      <Button loading={mark.isPending} data-testid="meter-renovated">
        {t('meter.renovated')}
      </Button>
    </Popconfirm>
  );
}
