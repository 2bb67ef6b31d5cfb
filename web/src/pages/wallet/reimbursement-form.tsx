// A reimbursement claim: the receipt is hashed in this browser and only the hash is recorded; the
// receipt itself goes to the municipality outside the ledger.
import { useState } from 'react';
import { budgets, eurosToCents, newId } from '../../api/budgets.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type WalletKey, walletSigner } from '../../identity/resident-wallet.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { sha256OfFile } from '../../lib/verify.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FileField, SelectField, TextField } from '../../ui/fields.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Hex, Paragraph } from '../../ui/text.tsx';
import { StateBadge, useCategoryLabel } from '../shared/states.tsx';
import { useMyVouchers } from './use-my-vouchers.ts';

export function ReimbursementForm({ walletKey, version }: { walletKey: WalletKey; version: number }) {
  const { t, fmt } = useI18n();
  const category = useCategoryLabel();
  const mine = useMyVouchers(walletKey.publicKey, version);
  const eligible = (mine.data ?? []).filter(
    (m) => m.fund?.switches.reimbursements && m.voucher.state === 'active',
  );
  const claims = useLoad(
    () => budgets.reimbursements({ holder: walletKey.publicKey }),
    [walletKey.publicKey, version],
  );
  const [voucherId, setVoucherId] = useState('');
  const [amount, setAmount] = useState('');
  const [cat, setCat] = useState('');
  const [hash, setHash] = useState<string>();
  const [problems, setProblems] = useState<Record<string, string>>({});
  const chosen = eligible.find((m) => m.voucher.id === voucherId) ?? eligible[0];
  const categories = chosen?.fund?.categories ?? [];
  const submit = useAction(async () => {
    await budgets.send(walletSigner(walletKey), 'submit_reimbursement', {
      reimbursementId: newId('declaratie'),
      voucherId: chosen!.voucher.id,
      amountCents: eurosToCents(amount),
      category: cat || categories[0],
      receiptHash: hash,
    });
    claims.reload();
    setAmount('');
    return true;
  });
  if (eligible.length === 0 && (claims.data ?? []).length === 0) return null;
  return (
    <Section title={t('w.reimb')}>
      <Paragraph>{t('w.reimb.intro')}</Paragraph>
      {eligible.length > 0 && (
        <form
          className="kb-form"
          data-testid="reimbursement-form"
          onSubmit={(e) => {
            e.preventDefault();
            const p: Record<string, string> = {};
            if (!eurosToCents(amount)) p.amount = t('sp.f.badAmount');
            if (!hash) p.file = t('w.reimb.needFile');
            setProblems(p);
            if (Object.keys(p).length === 0) void submit.run();
          }}
        >
          <SelectField
            label={t('w.reimb.pass')}
            value={chosen?.voucher.id ?? ''}
            onChange={setVoucherId}
            options={eligible.map((m) => ({
              value: m.voucher.id,
              label: `${m.fund?.name ?? m.voucher.fundId} (${m.voucher.id})`,
            }))}
          />
          <div className="kb-grid-2">
            <TextField
              label={t('pv.charge.amount')}
              inputMode="decimal"
              value={amount}
              onChange={setAmount}
              error={problems.amount}
              name="amount"
            />
            <SelectField
              label={t('common.category')}
              value={cat || categories[0] || ''}
              onChange={setCat}
              options={categories.map((c) => ({ value: c, label: category(c) }))}
            />
          </div>
          <FileField
            label={t('w.reimb.file')}
            description={problems.file}
            onFile={(f) => void sha256OfFile(f).then(setHash)}
            name="receipt"
          />
          {hash && (
            <p className="utrecht-paragraph">
              {t('w.reimb.hash')}: <Hex value={hash} chars={16} />
            </p>
          )}
          <Button type="submit" appearance="primary" busy={submit.busy}>
            {t('w.reimb.submit')}
          </Button>
        </form>
      )}
      {submit.result && <Alert type="ok">{t('w.reimb.done')}</Alert>}
      <ErrorAlert error={submit.error} />
      <DataTable
        caption={t('w.reimb.mine')}
        rows={[...(claims.data ?? [])].reverse()}
        rowKey={(r) => r.id}
        empty="—"
        columns={[
          { header: t('common.date'), cell: (r) => fmt.date(r.submittedAt) },
          { header: t('common.category'), cell: (r) => category(r.category) },
          { header: t('common.amount'), numeric: true, cell: (r) => fmt.money(r.amountCents) },
          { header: t('common.status'), cell: (r) => <StateBadge kind="reimbState" state={r.state} /> },
        ]}
      />
    </Section>
  );
}
