// Asking a municipality for a budget. The evidence (a letter, an income statement, a note) stays in
// this browser: it is hashed here with a fresh salt and only the resulting fingerprint is shown, for
// the resident to hand over with the evidence itself. The ledger gets the request without evidence;
// the validator's decision later records its own salted hash of what it checked.
import { useState } from 'react';
import { sha256Hex } from '../../../../src/core/hash.ts';
import { budgets, type FundView, newId } from '../../api/budgets.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  type MyRequest,
  newSalt,
  rememberRequest,
  requestsOf,
  saltedEvidenceHash,
} from '../../identity/eligibility-store.ts';
import { type WalletKey, walletSigner } from '../../identity/resident-wallet.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { sha256OfFile } from '../../lib/verify.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FileField, SelectField, TextAreaField } from '../../ui/fields.tsx';
import { Section } from '../../ui/section.tsx';
import { Hex, Paragraph } from '../../ui/text.tsx';
import { MyEligibilityRequests } from './my-eligibility-requests.tsx';
import { useMyVouchers } from './use-my-vouchers.ts';

/** Funds a resident can ask for now: active, with a validator, and no pass of theirs yet. */
function useRequestableFunds(holder: string, version: number) {
  const mine = useMyVouchers(holder, version);
  const funds = useLoad(() => budgets.funds({ state: 'active' }), [version]);
  const held = new Set(
    (mine.data ?? []).filter((m) => m.voucher.kind === 'budget').map((m) => m.voucher.fundId),
  );
  return (funds.data ?? []).filter((f) => f.validators.length > 0 && !held.has(f.id));
}

export function EligibilityRequest({ walletKey, version }: { walletKey: WalletKey; version: number }) {
  const { t } = useI18n();
  const [mine, setMine] = useState<MyRequest[]>(() => requestsOf(walletKey.publicKey));
  const funds = useRequestableFunds(walletKey.publicKey, version);
  return (
    <Section title={t('w.elig')} id="eligibility-request">
      <Paragraph>{t('w.elig.intro')}</Paragraph>
      {funds.length > 0 ? (
        <RequestForm
          walletKey={walletKey}
          funds={funds}
          onSent={() => setMine(requestsOf(walletKey.publicKey))}
        />
      ) : (
        <Paragraph>{t('w.elig.noFunds')}</Paragraph>
      )}
      <MyEligibilityRequests holder={walletKey.publicKey} requests={mine} version={version} />
    </Section>
  );
}

function RequestForm({
  walletKey,
  funds,
  onSent,
}: {
  walletKey: WalletKey;
  funds: FundView[];
  onSent(): void;
}) {
  const { t } = useI18n();
  const [fundId, setFundId] = useState('');
  const [note, setNote] = useState('');
  const [fileHash, setFileHash] = useState<string>();
  const fund = funds.find((f) => f.id === fundId) ?? funds[0]!;
  const send = useAction(async () => {
    const evidence = fileHash ?? (note.trim() ? sha256Hex(note.trim()) : undefined);
    const salt = evidence ? newSalt() : undefined;
    const request: MyRequest = {
      requestId: newId('aanvraag'),
      fundId: fund.id,
      holder: walletKey.publicKey,
      createdAt: new Date().toISOString(),
      ...(evidence && salt ? { salt, evidenceHash: saltedEvidenceHash(salt, evidence) } : {}),
    };
    // Only the request id and the fund go on the ledger; the fingerprint stays here.
    await client.budgets.requestEligibility(walletSigner(walletKey), {
      requestId: request.requestId,
      fundId: request.fundId,
    });
    rememberRequest(request);
    setNote('');
    onSent();
    return request;
  });
  return (
    <>
      <form
        className="kb-form"
        data-testid="eligibility-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send.run();
        }}
      >
        <SelectField
          label={t('w.elig.fund')}
          value={fund.id}
          onChange={setFundId}
          name="fund"
          options={funds.map((f) => ({ value: f.id, label: f.name }))}
        />
        {fund.criteria.length > 0 && (
          <p className="utrecht-paragraph">
            {t('w.elig.criteria')}:{' '}
            {fund.criteria.map((c) => `${c.record} ${c.operator} ${c.value}`).join(', ')}
          </p>
        )}
        <TextAreaField
          label={t('w.elig.note')}
          description={t('w.elig.stays')}
          value={note}
          onChange={setNote}
          rows={3}
          name="evidenceNote"
        />
        <FileField
          label={t('w.elig.file')}
          description={t('w.elig.stays')}
          onFile={(f) => void sha256OfFile(f).then(setFileHash)}
          name="evidenceFile"
        />
        <Button type="submit" appearance="primary" busy={send.busy}>
          {t('w.elig.submit')}
        </Button>
      </form>
      {send.result && (
        <Alert type="ok" testId="eligibility-sent">
          <p className="utrecht-paragraph">{t('w.elig.sent')}</p>
          {send.result.evidenceHash && (
            <p className="utrecht-paragraph">
              {t('w.elig.fingerprint')}: <Hex value={send.result.evidenceHash} chars={16} />
            </p>
          )}
        </Alert>
      )}
      <ErrorAlert error={send.error} testId="eligibility-error" />
    </>
  );
}
