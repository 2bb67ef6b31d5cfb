// Checks any receipt or record proof someone hands you, entirely in this browser.
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  proofKind,
  type ReceiptVerdict,
  verifyReceiptInBrowser,
  verifyRecordProofInBrowser,
} from '../../lib/verify.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FileField, TextAreaField } from '../../ui/fields.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { loadTrust } from './trust.ts';
import { VerdictView } from './verdict-view.tsx';

export function VerifyPage() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [verdict, setVerdict] = useState<{ v: ReceiptVerdict; ledgerTrust: boolean }>();

  const check = async (input: string) => {
    setProblem(undefined);
    setVerdict(undefined);
    setError(undefined);
    let value: unknown;
    try {
      value = JSON.parse(input);
    } catch {
      setProblem(t('vp.notJson'));
      return;
    }
    // A verifications answer wraps the proof; accept both.
    const proof = (value as { proof?: unknown }).proof ?? value;
    const kind = proofKind(proof);
    if (kind === 'unknown') {
      setProblem(t('vp.unknownKind'));
      return;
    }
    try {
      const trust = await loadTrust();
      const v =
        kind === 'receipt' ? verifyReceiptInBrowser(proof, trust) : verifyRecordProofInBrowser(proof, trust);
      setVerdict({ v, ledgerTrust: !!trust.trustedValidators });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <Heading level={1}>{t('vp.title')}</Heading>
      <Paragraph lead>{t('vp.intro')}</Paragraph>
      <form
        className="kb-form"
        onSubmit={(e) => {
          e.preventDefault();
          void check(text);
        }}
      >
        <FileField
          label={t('vp.file')}
          accept="application/json,.json"
          onFile={(f) =>
            void f.text().then((s) => {
              setText(s);
              return check(s);
            })
          }
        />
        <TextAreaField label={t('vp.paste')} value={text} onChange={setText} rows={8} name="proof" />
        <Button type="submit" appearance="primary" disabled={!text.trim()}>
          {t('vp.check')}
        </Button>
      </form>
      {problem && <Alert type="error">{problem}</Alert>}
      <ErrorAlert error={error} />
      {verdict && <VerdictView verdict={verdict.v} trustedFromLedger={verdict.ledgerTrust} />}
    </>
  );
}
