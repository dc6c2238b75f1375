import { useCallback, useEffect, useRef, useState } from 'react';
import { AutoComplete, Button, Card, Col, Input, Row, Table, Tag, Typography } from 'antd';
import { http, ok } from '../../api/client.ts';
import type { AuditEvent, Id } from '../../api/types.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { auditActionLabel, auditEntityLabel } from './labels.ts';

const PAGE = 50;

function Json({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === null || value === undefined)
    return (
      <div>
        <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
      </div>
    );
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

export function AuditPage() {
  const { t, lang } = useI18n();
  const [entity, setEntity] = useState('');
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [more, setMore] = useState(true);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [entities, setEntities] = useState<string[]>([]);
  const gen = useRef(0);

  const load = useCallback(async (ent: string, before?: Id) => {
    const my = ++gen.current;
    setLoading(true);
    setError(null);
    try {
      const query = {
        entity: ent || undefined,
        limit: PAGE,
        before: before === undefined ? undefined : Number(before),
      };
      const r = await ok(http.GET('/api/audit', { params: { query } }));
      if (my !== gen.current) return;
      setItems((prev) => (before === undefined ? r.items : [...prev, ...r.items]));
      setMore(r.items.length >= PAGE);
      setEntities((prev) => [...new Set([...prev, ...r.items.map((e) => e.entity)])].sort());
    } catch (e) {
      if (my === gen.current) setError(e);
    } finally {
      if (my === gen.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(entity);
  }, [entity, load]);

  const last = items[items.length - 1];

  return (
    <div data-testid="page-audit">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.audit')}</Typography.Title>
        <AutoComplete
          options={entities.map((e) => ({ value: e, label: auditEntityLabel(e, lang) ?? e }))}
          onSelect={(v: string) => setEntity(v)}
          style={{ width: 240 }}
        >
          <Input.Search
            allowClear
            placeholder={t('audit.filterEntity')}
            onSearch={(v) => setEntity(v.trim())}
            data-testid="audit-entity"
          />
        </AutoComplete>
      </div>
      <ErrorAlert error={error} onRetry={() => void load(entity)} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AuditEvent>
          rowKey="id"
          size="middle"
          loading={loading && items.length === 0}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (e) => (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Typography.Text strong>{t('audit.before')}</Typography.Text>
                  <Json value={e.before} />
                </Col>
                <Col xs={24} md={12}>
                  <Typography.Text strong>{t('audit.after')}</Typography.Text>
                  <Json value={e.after} />
                </Col>
              </Row>
            ),
          }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', render: (v: string) => formatShanghai(v), width: 170 },
            {
              title: t('audit.actor'),
              dataIndex: 'actorName',
              render: (v: string | null) => v ?? t('audit.system'),
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              // In words; the stored code stays visible on hover for whoever searches the logs.
              render: (v: string) => {
                const label = auditActionLabel(v, lang);
                return label ? (
                  <Tag title={v}>{label}</Tag>
                ) : (
                  <Tag>
                    <code>{v}</code>
                  </Tag>
                );
              },
            },
            {
              title: t('audit.entity'),
              dataIndex: 'entity',
              render: (v: string) => auditEntityLabel(v, lang) ?? <code>{v}</code>,
            },
            {
              title: t('audit.entityId'),
              dataIndex: 'entityId',
              render: (v: Id | null) => (v == null ? '' : <code>{String(v)}</code>),
            },
          ]}
        />
        <div style={{ textAlign: 'center', padding: 12 }}>
          {more ? (
            <Button
              onClick={() => last && void load(entity, last.id)}
              loading={loading}
              disabled={!last}
              data-testid="audit-more"
            >
              {t('audit.loadMore')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('audit.noMore')}</Typography.Text>
          )}
        </div>
      </Card>
    </div>
  );
}
