import { useState } from 'react';
import { App, Button, DatePicker, Popover, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { http, ok } from '../../api/client.ts';
import { errorText } from '../../common/errors.tsx';
import { pickerToShanghaiIso } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';

/** G-5.11.2: a time the household asked for, kept on the visit and confirmed to it by SMS. */
export function AgreeTime({ visitId }: { visitId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [at, setAt] = useState<Dayjs | null>(null);
  const [open, setOpen] = useState(false);
  const agree = useMutation({
    mutationFn: (when: Dayjs) =>
      ok(
        http.POST('/api/inspections/visits/{id}/appointment', {
          params: { path: { id: visitId } },
          body: { agreedAt: pickerToShanghaiIso(when.second(0)) },
        }),
      ),
    onSuccess: () => {
      message.success(t('an.agreed'));
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['inspections'] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      content={
        <Space>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={at} onChange={setAt} />
          <Button
            type="primary"
            disabled={!at}
            loading={agree.isPending}
            onClick={() => at && agree.mutate(at)}
          >
            {t('an.agree')}
          </Button>
        </Space>
      }
    >
      <Button size="small">{t('an.agree')}</Button>
    </Popover>
  );
}
