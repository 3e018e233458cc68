import { Alert, Box, Code, Group, Loader, Text } from '@mantine/core';
import { IconCode, IconFileOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { VAULT_PATH_PREFIX, type EvidenceItem } from '../../../../shared/contract';
import { useLanguage } from '../../i18n/useLanguage';
import { formatBytes, previewKind } from './format';
import { PdfPreview } from './PdfPreview';

/** Text previews read at most this much of the file. */
const TEXT_LIMIT = 1024 * 1024;

/** The vault URL of stored bytes: relative, so it works on http://127.0.0.1 and on app://casebench. */
export const vaultUrl = (sha256: string) => `${VAULT_PATH_PREFIX}${sha256}`;

/**
 * The evidential copy, shown inside the app and never executed: images, PDF pages drawn by pdf.js,
 * text, audio and video with the browser's own controls. HTML, SVG and XML are shown as source text.
 */
export function Preview({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation();
  const kind = previewKind(item.mediaType, item.originalName);
  if (item.kind === 'testimony' || !item.sha256) {
    return <NoPreview text={t('evidence.preview.testimony')} />;
  }
  if (kind === 'none') return <NoPreview text={t('evidence.preview.none', { type: item.mediaType ?? '' })} />;
  const url = vaultUrl(item.sha256);
  return (
    <Box data-testid="evidence-preview" data-preview={kind}>
      {kind === 'image' && (
        <Box bg="gray.1" p={4} style={{ textAlign: 'center' }}>
          <img
            src={url}
            alt={t('evidence.preview.imageAlt', { exhibit: item.exhibit, name: item.originalName ?? '' })}
            style={{ maxWidth: '100%', maxHeight: '70vh', objectFit: 'contain' }}
          />
        </Box>
      )}
      {kind === 'pdf' && <PdfPreview key={url} url={url} />}
      {(kind === 'text' || kind === 'source') && <TextPreview key={url} url={url} size={item.size ?? 0} source={kind === 'source'} />}
      {kind === 'audio' && (
        <audio controls preload="metadata" src={url} style={{ width: '100%' }}>
          {t('evidence.preview.noMedia')}
        </audio>
      )}
      {kind === 'video' && (
        <video controls preload="metadata" src={url} style={{ width: '100%', maxHeight: '70vh', background: '#000' }}>
          {t('evidence.preview.noMedia')}
        </video>
      )}
    </Box>
  );
}

function NoPreview({ text }: { text: string }) {
  return (
    <Group gap="xs" c="dimmed" py="md" data-testid="evidence-preview" data-preview="none" wrap="nowrap">
      <IconFileOff size={18} stroke={1.5} />
      <Text size="sm">{text}</Text>
    </Group>
  );
}

/** Text and, for active types, their source: fetched and put into a <pre> as text, so nothing is parsed. */
function TextPreview({ url, size, source }: { url: string; size: number; source: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useQuery({
    queryKey: ['vault-text', url],
    queryFn: async () => {
      const response = await fetch(url, { headers: { range: `bytes=0-${TEXT_LIMIT - 1}` } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const bytes = await response.arrayBuffer();
      return new TextDecoder('utf-8').decode(bytes.slice(0, TEXT_LIMIT));
    },
    staleTime: Infinity,
  });
  return (
    <div>
      {source && (
        <Alert color="gray" variant="light" p="xs" mb={6} icon={<IconCode size={16} />} data-testid="preview-source-notice">
          <Text size="xs">{t('evidence.preview.sourceOnly')}</Text>
        </Alert>
      )}
      {text.isPending && <Loader size="sm" />}
      {text.isError && (
        <Alert color="orange" variant="light">
          {t('evidence.preview.failed')}
        </Alert>
      )}
      {text.data !== undefined && (
        <>
          <Code
            block
            data-testid="preview-text"
            fz="xs"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: '70vh', overflow: 'auto' }}
          >
            {text.data}
          </Code>
          {size > TEXT_LIMIT && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('evidence.preview.truncated', { size: formatBytes(TEXT_LIMIT, language) })}
            </Text>
          )}
        </>
      )}
    </div>
  );
}
