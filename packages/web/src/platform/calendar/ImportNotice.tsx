import { useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { http, ok } from '../../api/client.ts';
import type { Body } from '../../api/contract.ts';
import type { ImportResult, MovedDue } from '../../api/types.ts';
import { errorText } from '../../common/errors.tsx';
import { formatShanghai } from '../../common/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pick } from '../../service/orders/labels.ts';

/**
 * The regulator imports a year's State Council holiday notice (holiday-cn JSON: a file or pasted text). The open
 * orders whose dues were provisional are recomputed in the same step; the table shows what moved.
 */
export function ImportNotice({ onImported }: { onImported: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const submit = async () => {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      setError(new Error(t('cal.importBadJson')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // The pasted JSON goes as typed; the server's schema says what is wrong with it.
      const r = await ok(http.POST('/api/calendar/import', { body: body as Body<'/api/calendar/import'> }));
      setResult(r);
      message.success(t('cal.imported', { year: r.year, n: r.moved.length }));
      onImported();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('cal.importTitle')} size="small" data-testid="calendar-import">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('cal.importHelp')}</Typography.Text>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(setText);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('cal.importFile')}</Button>
        </Upload>
        <Input.TextArea
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder='{"year": 2027, "papers": ["…"], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}'
          data-testid="calendar-import-text"
        />
        <Button
          type="primary"
          onClick={submit}
          loading={busy}
          disabled={!text.trim()}
          data-testid="calendar-import-submit"
        >
          {t('cal.importSubmit')}
        </Button>
        {error ? <Alert type="error" showIcon message={errorText(error, lang)} /> : null}
        {result ? (
          <>
            <Typography.Text strong data-testid="calendar-import-result">
              {t('cal.imported', { year: result.year, n: result.moved.length })}
            </Typography.Text>
            <Table<MovedDue>
              size="small"
              rowKey={(m) => `${m.orderId}-${m.clock}`}
              dataSource={result.moved}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t('cal.nothingMoved') }}
              columns={[
                {
                  title: t('cal.order'),
                  dataIndex: 'orderNo',
                  render: (no: string, m) => <Link to={`/orders/${m.orderId}`}>{no}</Link>,
                },
                { title: t('cal.clock'), render: (_, m) => `${pick(m.label, lang)}（${m.clause}）` },
                { title: t('cal.previousDue'), render: (_, m) => formatShanghai(m.previousDue, false) },
                { title: t('cal.newDue'), render: (_, m) => formatShanghai(m.newDue, false) },
              ]}
            />
          </>
        ) : null}
      </Space>
    </Card>
  );
}
