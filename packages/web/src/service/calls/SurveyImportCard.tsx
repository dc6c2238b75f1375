import { useQueryClient } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { http, ok } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FileImportCard } from './FileImportCard.tsx';

/**
 * G-12.4.5, H-3.14, H-10.3.2: a sample or third-party survey's answers from a CSV or Excel file, one respondent a
 * row — checked first (each bad row with its reasons), then recorded.
 */
export function SurveyImportCard() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [source, setSource] = useState<'sample' | 'third_party'>('third_party');
  return (
    <FileImportCard
      title={t('surveys.import')}
      hint={t('surveys.importHint')}
      testId="surveys"
      extra={
        <Select
          value={source}
          onChange={setSource}
          style={{ minWidth: 160 }}
          data-testid="surveys-import-source"
          options={[
            { value: 'third_party', label: t('surveys.source.third_party') },
            { value: 'sample', label: t('surveys.source.sample') },
          ]}
        />
      }
      send={(file, dryRun) =>
        ok(
          http.POST('/api/satisfaction-surveys/import', {
            body: { source, format: file.format, fileBase64: file.base64, dryRun },
          }),
        )
      }
      onRecorded={() => void queries.invalidateQueries({ queryKey: ['satisfaction-surveys'] })}
    />
  );
}
