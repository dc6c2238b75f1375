import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatShanghai } from '../common/format.ts';
import { useI18n } from '../i18n/index.tsx';
import { resident, residentKeys } from './api.ts';

/** G-5.8.3: the steps of my orders (also sent by SMS), unread ones first on the home page until I mark them read. */
export function StepNoticesCard() {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const q = useQuery({ queryKey: residentKeys.steps, queryFn: resident.steps });
  const seen = useMutation({
    mutationFn: resident.stepsSeen,
    onSuccess: (d) => client.setQueryData(residentKeys.steps, d),
  });
  const unread = q.data?.items.filter((i) => i.unread) ?? [];
  if (unread.length === 0) return null;
  const pick = (m: { zh: string; en: string }) => (lang === 'zh' ? m.zh : m.en);
  return (
    <Card
      size="small"
      data-testid="step-notices"
      title={
        <Badge count={unread.length} offset={[12, 0]}>
          {t('res.stepsTitle')}
        </Badge>
      }
      extra={
        <Button
          size="small"
          type="link"
          loading={seen.isPending}
          onClick={() => seen.mutate()}
          data-testid="steps-seen"
        >
          {t('res.stepsSeen')}
        </Button>
      }
    >
      <List
        size="small"
        dataSource={unread.slice(0, 5)}
        renderItem={(s) => (
          <List.Item key={`${s.orderId}-${s.type}-${s.at}`} data-testid="step-notice">
            <Link to={`/r/orders/${s.orderId}`}>
              <Typography.Text strong>{pick(s.itemName)}</Typography.Text> {s.orderNo} {pick(s.text)}
              <br />
              <Typography.Text type="secondary">{formatShanghai(s.at, false)}</Typography.Text>
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
