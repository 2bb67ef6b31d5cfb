// What care providers declared under the holder's contracts. Nothing is paid until the holder
// approves with their own key; a rejection gives the units back to the month and may say why.
import { useState } from 'react';
import type { CareBudgetView, CareContract, CareDeclaration } from '../../api/budgets.ts';
import { client } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type WalletKey, walletSigner } from '../../identity/resident-wallet.ts';
import { useAction } from '../../lib/use-async.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button, ButtonGroup } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { TextField } from '../../ui/fields.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading } from '../../ui/text.tsx';
import { monthLabel } from '../shared/care-units.ts';
import { StateBadge } from '../shared/states.tsx';

type Row = CareDeclaration & { contract: CareContract };

export function CareDeclarationsToDecide({
  view,
  walletKey,
  onChange,
}: {
  view: CareBudgetView;
  walletKey: WalletKey;
  onChange(): void;
}) {
  const { t, lang, fmt } = useI18n();
  const rows: Row[] = view.contracts.flatMap((contract) =>
    contract.declarations.map((d) => ({ ...d, contract })),
  );
  const open = rows.filter((d) => d.state === 'submitted');
  const decide = useAction(async (d: Row, approve: boolean, reason: string) => {
    await client.budgets.decideCareDeclaration(walletSigner(walletKey), {
      declarationId: d.id,
      decision: approve ? 'approved' : 'rejected',
      ...(!approve && reason.trim() ? { reason: reason.trim() } : {}),
    });
    onChange();
    return approve;
  });
  return (
    <>
      <Heading level={4}>{t('care.decl.toDecide')}</Heading>
      {open.length === 0 && <p className="utrecht-paragraph">{t('care.decl.noneOpen')}</p>}
      {open.map((d) => (
        <OpenDeclaration
          key={d.id}
          row={d}
          busy={decide.busy}
          onDecide={(ok, reason) => decide.run(d, ok, reason)}
        />
      ))}
      {decide.result === true && (
        <Alert type="ok" testId="care-approved">
          {t('care.decl.paid')}
        </Alert>
      )}
      {decide.result === false && <Alert type="info">{t('care.decl.rejectedDone')}</Alert>}
      <ErrorAlert error={decide.error} testId="care-decide-error" />
      <DataTable
        caption={t('care.decl.all')}
        testId="care-declarations"
        rows={[...rows].reverse()}
        rowKey={(d) => d.id}
        empty={t('care.decl.none')}
        columns={[
          { header: t('care.month'), cell: (d) => monthLabel(lang, d.period) },
          { header: t('care.units'), numeric: true, cell: (d) => d.units },
          { header: t('common.amount'), numeric: true, cell: (d) => fmt.money(d.amountCents) },
          { header: t('common.status'), cell: (d) => <StateBadge kind="declState" state={d.state} /> },
          { header: t('care.decl.reason'), cell: (d) => d.reason ?? '' },
        ]}
      />
    </>
  );
}

function OpenDeclaration({
  row: d,
  busy,
  onDecide,
}: {
  row: Row;
  busy: boolean;
  onDecide(approve: boolean, reason: string): void;
}) {
  const { t, tOr, lang, fmt } = useI18n();
  const dir = useDirectory();
  const [reason, setReason] = useState('');
  return (
    <div className="kb-card" data-testid="care-declaration-open">
      <p className="utrecht-paragraph">
        <strong>
          {t('care.decl.text', {
            provider: dir.byOin.get(d.provider)?.name ?? d.provider,
            units: d.units,
            unit: tOr(`careUnit.${d.contract.unit}`, d.contract.unit),
            month: monthLabel(lang, d.period),
            rate: fmt.money(d.contract.rateCents),
            amount: fmt.money(d.amountCents),
          })}
        </strong>
      </p>
      <TextField
        label={t('care.decl.reasonLabel')}
        value={reason}
        onChange={setReason}
        name={`reason-${d.id}`}
      />
      <ButtonGroup>
        <Button appearance="primary" busy={busy} onClick={() => onDecide(true, '')}>
          {t('care.decl.approve')}
        </Button>
        <Button busy={busy} onClick={() => onDecide(false, reason)}>
          {t('care.decl.reject')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
