import { useState } from 'react';
import { budgets } from '../../api/budgets.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type WalletKey, walletSigner } from '../../identity/resident-wallet.ts';
import { useAction } from '../../lib/use-async.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Section } from '../../ui/section.tsx';

export function ClaimVoucher({ walletKey }: { walletKey: WalletKey }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const claim = useAction(async () => {
    await budgets.send(walletSigner(walletKey), 'claim_voucher', { code: code.trim().toUpperCase() });
    setCode('');
    return true;
  });
  return (
    <Section title={t('w.claim')}>
      <form
        className="kb-search"
        onSubmit={(e) => {
          e.preventDefault();
          void claim.run();
        }}
      >
        <TextField
          label={t('w.claim.code')}
          description={t('w.claim.hint')}
          value={code}
          onChange={setCode}
          name="activationCode"
          autoComplete="off"
          spellCheck={false}
          className="kb-mono"
        />
        <Button type="submit" appearance="primary" busy={claim.busy} disabled={!code.trim()}>
          {t('w.claim.button')}
        </Button>
      </form>
      {claim.result && (
        <Alert type="ok" testId="claim-done">
          {t('w.claim.done')}
        </Alert>
      )}
      <ErrorAlert error={claim.error} testId="claim-error" />
    </Section>
  );
}
