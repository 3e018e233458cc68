import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * The text as a QR code, an SVG data URL for an <img> (never inserted as markup). The qrcode
 * package, because QR encoding (Reed–Solomon, masks, versions) is not something to write by hand.
 * Level L: it is read off a screen, not a worn print, and fewer modules scan more easily.
 */
export function useQrCode(text: string | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!text) return;
    let live = true;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'L', margin: 2 })
      .then((svg) => {
        if (live) setUrl(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch((error: unknown) => console.error('QR code could not be made:', error));
    return () => {
      live = false;
    };
  }, [text]);
  return text ? url : null;
}
