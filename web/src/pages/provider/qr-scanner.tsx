// Scans a QR code with the device camera through the browser's BarcodeDetector (Chromium on
// Android, ChromeOS, macOS). Where it is missing the cashier types the code; no image leaves the
// device either way.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (opts: { formats: string[] }) => BarcodeDetectorLike;

function detectorCtor(): BarcodeDetectorCtor | undefined {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
}

/** A pass QR holds "ketenboek:pas:<voucherId>"; a bare id is accepted too. */
export function voucherIdFromQr(text: string): string {
  const m = text.trim().match(/^ketenboek:pas:(.+)$/i);
  return (m ? m[1]! : text).trim().toLowerCase();
}

export function QrScanner({ onCode }: { onCode(code: string): void }) {
  const { t } = useI18n();
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<string>();
  const video = useRef<HTMLVideoElement>(null);
  const Ctor = detectorCtor();

  useEffect(() => {
    if (!scanning || !Ctor) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const detector = new Ctor({ formats: ['qr_code'] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        timer = setInterval(async () => {
          if (!video.current) return;
          const found = await detector.detect(video.current).catch(() => []);
          if (found[0]) {
            setScanning(false);
            onCode(voucherIdFromQr(found[0].rawValue));
          }
        }, 300);
      })
      .catch((e: Error) => {
        setError(e.message);
        setScanning(false);
      });
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [scanning, Ctor, onCode]);

  if (!Ctor) return <p className="utrecht-paragraph kb-muted">{t('pv.charge.noCamera')}</p>;
  return (
    <div>
      <Button onClick={() => setScanning((s) => !s)}>
        {scanning ? t('pv.charge.stopScan') : t('pv.charge.scan')}
      </Button>
      {scanning && (
        <video ref={video} className="kb-video" muted playsInline aria-label={t('pv.charge.cameraLabel')} />
      )}
      {error && <Alert type="warning">{error}</Alert>}
    </div>
  );
}
