// A QR code drawn as inline SVG (one path of dark modules), so it needs no canvas, no image URL and
// no inline style, and stays sharp when printed or zoomed.
import QRCode from 'qrcode';
import { useMemo } from 'react';

export function QrCode({ text, label, size = 220 }: { text: string; label: string; size?: number }) {
  const { path, n } = useMemo(() => {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const count = qr.modules.size;
    let d = '';
    for (let y = 0; y < count; y++) {
      for (let x = 0; x < count; x++) if (qr.modules.get(x, y)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    }
    return { path: d, n: count + 8 }; // 4 modules of quiet zone on every side
  }, [text]);
  return (
    <svg
      className="kb-qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${n} ${n}`}
      shapeRendering="crispEdges"
      data-qr-text={text}
    >
      <rect width={n} height={n} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
