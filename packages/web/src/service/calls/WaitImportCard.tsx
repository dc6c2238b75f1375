import { useQueryClient } from '@tanstack/react-query';
import { http, ok } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FileImportCard } from './FileImportCard.tsx';

/** G-12.4.1.2: sampled waits from a CSV or Excel file — checked first (each bad row with its reasons), then recorded. */
export function WaitImportCard() {
  const { t } = useI18n();
  const queries = useQueryClient();
  return (
    <FileImportCard
      title={t('waits.import')}
      hint={t('waits.importHint')}
      testId="waits"
      send={(file, dryRun) =>
        ok(
          http.POST('/api/window-waits/import', {
            body: { format: file.format, fileBase64: file.base64, dryRun },
          }),
        )
      }
      onRecorded={() => void queries.invalidateQueries({ queryKey: ['window-waits'] })}
    />
  );
}
