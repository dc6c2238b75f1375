import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { http, ok } from '../../api/client.ts';
import type { DueResult } from '../../api/types.ts';
import { errorText } from '../../common/errors.tsx';
import { formatShanghai, pickerToShanghaiIso } from '../../common/format.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

const UNITS = ['working_days', 'hours', 'days'];

const LIMIT_RE = /^\d+(\.\d+)?\s*(wd|h|d)$/i;

interface Values {
  start: Dayjs;
  limit: string;
}

/** "Try a limit": start (Beijing time) + '5wd' / '0.5h' / '10d' → due date and explanation. */
export function TryLimit() {
  const { t, lang } = useI18n();
  const [result, setResult] = useState<DueResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Picker shows Beijing wall-clock time even when the browser is in another zone.
  const nowShanghai = dayjs(formatShanghai(new Date().toISOString()).replace(' ', 'T')).second(0);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const r = await ok(
        http.POST('/api/calendar/due', {
          body: {
            start: pickerToShanghaiIso(v.start),
            limit: v.limit.trim().replace(/\s+/g, '').toLowerCase(),
          },
        }),
      );
      setResult(r);
    } catch (e) {
      setResult(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  // "2026-10-12 24:00" reads better than the equivalent "2026-10-13 00:00".
  const dueText = result ? (result.dueText ?? formatShanghai(result.due, false)) : '';

  return (
    <Card title={t('cal.try')} data-testid="try-limit">
      <Form<Values>
        layout="inline"
        initialValues={{ start: nowShanghai, limit: '5wd' }}
        onFinish={onFinish}
        style={{ rowGap: 8 }}
      >
        <Form.Item
          name="start"
          label={t('cal.start')}
          rules={[{ required: true, message: t('common.required') }]}
          tooltip={t('cal.tz')}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowClear={false}
            data-testid="try-start"
          />
        </Form.Item>
        <Form.Item
          name="limit"
          label={t('cal.limit')}
          tooltip={t('cal.limitHelp')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: LIMIT_RE, message: t('cal.limitInvalid') },
          ]}
        >
          <Input style={{ width: 120 }} placeholder="5wd" data-testid="try-limit-input" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="try-submit">
            {t('cal.compute')}
          </Button>
        </Form.Item>
      </Form>
      {error ? (
        <Alert type="error" showIcon message={errorText(error, lang)} style={{ marginTop: 16 }} />
      ) : null}
      {result ? (
        <Descriptions
          style={{ marginTop: 16 }}
          size="small"
          bordered
          column={1}
          data-testid="try-result"
          items={[
            {
              key: 'due',
              label: t('cal.due'),
              children: (
                <strong>
                  {dueText} ({dayjs(dueText.slice(0, 10)).format('dddd')})
                </strong>
              ),
            },
            {
              key: 'unit',
              label: t('cal.unit'),
              children: UNITS.includes(result.unit)
                ? t(`cal.unit.${result.unit}` as MessageKey)
                : result.unit,
            },
            {
              key: 'exp',
              label: t('cal.explanation'),
              children: (
                <>
                  {result.provisional ? (
                    <Tag color="gold" data-testid="try-provisional">
                      {t('wo.provisional')}
                    </Tag>
                  ) : null}
                  {lang === 'en' ? result.explanationEn : result.explanation}
                </>
              ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
