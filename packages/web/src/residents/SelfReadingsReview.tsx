import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, Empty, Image, Input, List, Space, Spin, Tag, Typography } from 'antd';
import { http, ok } from '../api/client.ts';
import type { Item } from '../api/contract.ts';
import { m3 } from '../api/billing.ts';
import { ErrorAlert, errorText } from '../common/errors.tsx';
import { formatShanghai } from '../common/format.ts';
import { useI18n } from '../i18n/index.tsx';

type SelfReading = Item<'/api/self-readings'>;
const key = ['self-readings', 'pending'] as const;

/** One flagged self-reading: the photo next to the flags, accepted (with a note) or rejected. */
function ReviewItem({ r }: { r: SelfReading }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const review = useMutation({
    mutationFn: (decision: 'accept' | 'reject') =>
      ok(
        http.POST('/api/self-readings/{id}/review', {
          params: { path: { id: r.id } },
          body: { decision, note },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  return (
    <Card size="small" style={{ width: '100%' }} data-testid="self-review">
      <Space align="start" wrap>
        <Image width={140} src={`/api/self-readings/${r.id}/photo`} alt={t('meter.selfPhoto')} />
        <Space direction="vertical" size={2}>
          <Typography.Text strong>
            {r.accountNo} · {r.customerName}
          </Typography.Text>
          <Typography.Text type="secondary">{r.address ?? ''}</Typography.Text>
          <span>
            {r.serialNo} · {r.readOn} · {m3(r.register)} m³ · {t('meter.usageM3')} {m3(r.usage)}
          </span>
          <span>
            {t('meter.selfFlags')}:{' '}
            {r.flags.map((f) => (
              <Tag key={f.code} color="orange">
                {lang === 'zh' ? f.reason.zh : f.reason.en}
              </Tag>
            ))}
          </span>
          {r.note ? <Typography.Text type="secondary">“{r.note}”</Typography.Text> : null}
          <Typography.Text type="secondary">{formatShanghai(r.createdAt, false)}</Typography.Text>
          <Input
            placeholder={t('meter.selfNote')}
            value={note}
            maxLength={300}
            onChange={(e) => setNote(e.target.value)}
          />
          {review.error ? (
            <Typography.Text type="danger">{errorText(review.error, lang)}</Typography.Text>
          ) : null}
          <Space>
            <Button
              type="primary"
              disabled={note.trim().length < 2}
              loading={review.isPending}
              onClick={() => review.mutate('accept')}
            >
              {t('meter.selfAccept')}
            </Button>
            <Button danger disabled={note.trim().length < 2} onClick={() => review.mutate('reject')}>
              {t('meter.selfReject')}
            </Button>
          </Space>
        </Space>
      </Space>
    </Card>
  );
}

/** The readings screen's tab of residents' self-readings the plausibility check flagged (issue 16, G-6.2.5). */
export function SelfReadingsReview() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: key, queryFn: () => ok(http.GET('/api/self-readings', {})) });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  if (q.data.items.length === 0) return <Empty description={t('meter.selfEmpty')} />;
  return (
    <List
      dataSource={q.data.items}
      renderItem={(r) => (
        <List.Item key={r.id}>
          <ReviewItem r={r} />
        </List.Item>
      )}
    />
  );
}
