import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The draft exactly as it will print: the very HTML the PDF is printed from, in a frame that may
 * run nothing (sandboxed without scripts). allow-same-origin only lets it load its fonts from the
 * app's own fonts/ folder; without scripts that grants the document nothing else. The screen
 * styles of the document lay it out as an A4 sheet; page furniture (header, "n / N") shows in print.
 */
export function ProposalPreview({ html }: { html: string | null }) {
  const { t } = useTranslation();
  if (html === null) {
    return (
      <Center h="100%">
        <Loader size="sm" aria-label={t('proposals.previewing')} />
      </Center>
    );
  }
  return (
    <iframe
      title={t('proposals.previewFrame')}
      data-testid="proposal-preview"
      sandbox="allow-same-origin"
      srcDoc={html}
      style={{ width: '100%', height: '100%', border: 0, display: 'block', background: '#e9ecef' }}
    />
  );
}
