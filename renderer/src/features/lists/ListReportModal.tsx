import { Alert, Loader, Modal, ScrollArea, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListSummary } from '../../../../shared/contract';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { ImportReport } from './ImportReport';
import { useListReport } from './queries';

/** The report of the import that brought in a list, read back: what was skipped and why, the warnings. Mounted only while open. */
export function ListReportModal({ list, onClose }: { list: ListSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const report = useListReport(list.key);
  return (
    <Modal opened onClose={onClose} size="xl" title={t('lists.reportOf', { list: list.listName })} data-testid="list-report-modal">
      <Text size="xs" c="dimmed" mb="xs">
        {t('lists.reportImported', { at: formatDateTime(list.importedAt, language), by: list.importedBy })}
      </Text>
      {report.isPending && <Loader size="sm" />}
      {report.isError && (
        <Alert color="red" variant="light">
          {t('lists.reportFailed')}
        </Alert>
      )}
      {report.data && (
        <ScrollArea.Autosize mah="70vh" type="auto">
          <ImportReport list={report.data.list} report={report.data.report} />
        </ScrollArea.Autosize>
      )}
    </Modal>
  );
}
