import type { Query } from '../../api/contract.ts';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Table, Typography } from 'antd';
import { shop } from '../../api/appliances.ts';
import { workOrders, type CatalogueItem } from '../../api/workorders.ts';
import { useAuth } from '../../platform/auth/AuthContext.tsx';
import { ErrorAlert, errorText } from '../../common/errors.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** G-5.6.1, G-9.2.2: the certificates each of the enterprise's services requires of the people dispatched to it. */
export function QualificationsPage() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const queries = useQueryClient();
  const [edits, setEdits] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const items = useQuery({
    queryKey: ['catalogue', 'kind', user?.enterpriseKind],
    queryFn: () =>
      workOrders.catalogue(
        user?.enterpriseKind
          ? { enterpriseKind: user.enterpriseKind as NonNullable<Query<'/api/catalogue'>['enterpriseKind']> }
          : {},
      ),
  });
  const declared = useQuery({ queryKey: ['qualification-requirements'], queryFn: shop.requirements });
  const save = useMutation({
    mutationFn: ({ code, names }: { code: string; names: string[] }) => shop.declare(code, names),
    onSuccess: () => {
      setMessage({ ok: true, text: t('jq.saved') });
      void queries.invalidateQueries({ queryKey: ['qualification-requirements'] });
    },
    onError: (e) => setMessage({ ok: false, text: errorText(e, lang) }),
  });
  const current = (code: string) =>
    edits[code] ?? declared.data?.items.find((r) => r.itemCode === code)?.certificates ?? [];
  return (
    <div data-testid="page-jobQualifications">
      <Typography.Title level={4}>{t('jq.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('jq.hint')}</Typography.Paragraph>
      {message ? (
        <Alert
          type={message.ok ? 'success' : 'error'}
          showIcon
          message={message.text}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Card>
        <ErrorAlert error={items.error ?? declared.error} />
        <Table<CatalogueItem>
          rowKey="code"
          size="small"
          pagination={false}
          loading={items.isLoading || declared.isLoading}
          dataSource={items.data?.items ?? []}
          scroll={{ x: 640 }}
          columns={[
            { title: t('jq.item'), render: (_, i) => i.name[lang] },
            {
              title: t('jq.certificates'),
              render: (_, i) => (
                <Select
                  mode="tags"
                  style={{ minWidth: 280 }}
                  placeholder={t('jq.placeholder')}
                  value={current(i.code)}
                  onChange={(v: string[]) => setEdits((e) => ({ ...e, [i.code]: v }))}
                  data-testid={`jq-${i.code}`}
                />
              ),
            },
            {
              title: '',
              render: (_, i) => (
                <Button
                  disabled={edits[i.code] === undefined}
                  loading={save.isPending}
                  onClick={() => save.mutate({ code: i.code, names: current(i.code) })}
                >
                  {t('jq.save')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
