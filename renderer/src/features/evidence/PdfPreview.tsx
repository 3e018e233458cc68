import { ActionIcon, Alert, Group, Loader, Text, Tooltip } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from './pdf';

/**
 * A PDF rendered page by page to a canvas with pdf.js: nothing in it runs, links do not open.
 * Mount it with `key={url}` so another file starts afresh.
 */
export function PdfPreview({ url }: { url: string }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const { ref: boxRef, width } = useElementSize();

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | undefined;
    void (async () => {
      try {
        const [{ openPdf }, response] = await Promise.all([import('./pdf'), fetch(url)]);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const task = openPdf(await response.arrayBuffer());
        destroy = () => void task.destroy();
        const loaded = await task.promise;
        if (!cancelled) setDoc(loaded);
      } catch (error) {
        if (!cancelled) {
          console.error(error);
          setFailed(true);
        }
      }
    })();
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [url]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!doc || !canvas || width <= 0) return;
    let cancelled = false;
    let cancelRender: (() => void) | undefined;
    void (async () => {
      try {
        const pdfPage = await doc.getPage(page);
        if (cancelled) return;
        const base = pdfPage.getViewport({ scale: 1 });
        const scale = (width / base.width) * zoom;
        const ratio = window.devicePixelRatio || 1;
        const viewport = pdfPage.getViewport({ scale: scale * ratio });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
        canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
        const task = pdfPage.render({ canvas, viewport });
        cancelRender = () => task.cancel();
        await task.promise;
      } catch (error) {
        if (!cancelled && (error as { name?: string }).name !== 'RenderingCancelledException') {
          console.error(error);
          setFailed(true);
        }
      }
    })();
    return () => {
      cancelled = true;
      cancelRender?.();
    };
  }, [doc, page, width, zoom]);

  if (failed) {
    return (
      <Alert color="orange" variant="light">
        {t('evidence.preview.pdfFailed')}
      </Alert>
    );
  }
  const pages = doc?.numPages ?? 0;
  return (
    <div>
      <Group gap={4} mb={6} justify="space-between" wrap="nowrap">
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('evidence.preview.previous')}>
            <ActionIcon
              aria-label={t('evidence.preview.previous')}
              data-testid="pdf-previous"
              disabled={page <= 1}
              onClick={() => setPage((p) => Math.max(1, p - 1))}
            >
              <IconChevronLeft size={16} />
            </ActionIcon>
          </Tooltip>
          <Text size="xs" data-testid="pdf-page" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {doc ? t('evidence.preview.page', { page, pages }) : t('evidence.preview.loading')}
          </Text>
          <Tooltip label={t('evidence.preview.next')}>
            <ActionIcon
              aria-label={t('evidence.preview.next')}
              data-testid="pdf-next"
              disabled={page >= pages}
              onClick={() => setPage((p) => Math.min(pages, p + 1))}
            >
              <IconChevronRight size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('evidence.preview.zoomOut')}>
            <ActionIcon
              aria-label={t('evidence.preview.zoomOut')}
              disabled={zoom <= 0.5}
              onClick={() => setZoom((z) => Math.max(0.5, z - 0.25))}
            >
              <IconZoomOut size={16} />
            </ActionIcon>
          </Tooltip>
          <Text size="xs" w={40} ta="center" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {Math.round(zoom * 100)}%
          </Text>
          <Tooltip label={t('evidence.preview.zoomIn')}>
            <ActionIcon
              aria-label={t('evidence.preview.zoomIn')}
              disabled={zoom >= 3}
              onClick={() => setZoom((z) => Math.min(3, z + 0.25))}
            >
              <IconZoomIn size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <div ref={boxRef} style={{ overflow: 'auto', background: 'var(--mantine-color-gray-1)' }}>
        {!doc && <Loader size="sm" m="md" />}
        <canvas
          ref={canvasRef}
          data-testid="pdf-canvas"
          data-page={page}
          data-pages={pages}
          style={{ display: doc ? 'block' : 'none', boxShadow: '0 0 0 1px var(--mantine-color-gray-3)' }}
        />
      </div>
    </div>
  );
}
