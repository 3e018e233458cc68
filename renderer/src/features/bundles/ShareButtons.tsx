import { Button } from '@mantine/core';
import { IconFileImport, IconShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportBundleModal } from './ImportBundleModal';
import { ShareCaseModal } from './ShareCaseModal';

/** "Share" on the case page. */
export function ShareCaseButton({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" data-testid="share-case-open" leftSection={<IconShare size={14} />} onClick={() => setOpen(true)}>
        {t('bundles.share.button')}
      </Button>
      <ShareCaseModal caseId={caseId} opened={open} onClose={() => setOpen(false)} />
    </>
  );
}

/** "Import bundle" beside "New case". */
export function ImportBundleButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" data-testid="import-bundle-open" leftSection={<IconFileImport size={14} />} onClick={() => setOpen(true)}>
        {t('bundles.import.button')}
      </Button>
      <ImportBundleModal opened={open} onClose={() => setOpen(false)} />
    </>
  );
}
