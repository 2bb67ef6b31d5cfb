// The schemes a provider takes part in (with their dates and amounts), the ones it can still
// apply to, and the bank account payouts go to.
import { useState } from 'react';
import { budgets, type FundView } from '../../api/budgets.ts';
import { client, KetenboekApiError } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { StateBadge, useCategoryLabel } from '../shared/states.tsx';

interface BankAccount {
  iban: string;
  accountName: string;
}

export function ProviderFunds({ org }: { org: OrgIdentity }) {
  const { t, fmt } = useI18n();
  const dir = useDirectory();
  const category = useCategoryLabel();
  const [version, setVersion] = useState(0);
  const mine = useLoad(() => budgets.funds({ provider: org.oin }), [org.oin, version]);
  const active = useLoad(() => budgets.funds({ state: 'active' }), [version]);
  const apply = useAction(async (f: FundView) => {
    await budgets.send(orgSigner(org.oin), 'apply_to_fund', { fundId: f.id });
    setVersion((v) => v + 1);
  });
  const applied = new Set((mine.data ?? []).map((f) => f.id));
  const open = (active.data ?? []).filter((f) => !applied.has(f.id) && f.kind === 'regular');
  const perPass = (f: FundView) => (f.amount.kind === 'fixed' ? fmt.money(f.amount.cents) : '—');
  const period = (f: FundView) =>
    t('sp.periodText', { from: fmt.date(f.startDate), to: fmt.date(f.endDate) });
  return (
    <>
      <ErrorAlert error={mine.error ?? active.error ?? apply.error} />
      <DataTable
        caption={t('pv.funds.title')}
        testId="provider-funds"
        rows={mine.data ?? []}
        rowKey={(f) => f.id}
        empty={t('pv.funds.none')}
        columns={[
          { header: t('sp.col.name'), cell: (f) => f.name },
          { header: t('pv.funds.sponsor'), cell: (f) => dir.byOin.get(f.sponsor)?.name ?? f.sponsor },
          { header: t('sp.col.period'), cell: period },
          { header: t('sp.fund.perPass'), numeric: true, cell: perPass },
          {
            header: t('sp.fund.perPayment'),
            numeric: true,
            cell: (f) => fmt.money(f.limits.perPaymentCents),
          },
          {
            header: t('pv.funds.yourStatus'),
            cell: (f) => (f.application ? <StateBadge kind="appState" state={f.application.state} /> : '—'),
          },
          {
            header: t('sp.providers.accepted'),
            cell: (f) =>
              f.application?.state === 'accepted'
                ? (f.application.categories ?? f.categories).map(category).join(', ')
                : (f.application?.reason ?? '—'),
          },
        ]}
      />
      <DataTable
        caption={t('pv.funds.open')}
        testId="open-funds"
        rows={open}
        rowKey={(f) => f.id}
        empty={t('pv.funds.noneOpen')}
        columns={[
          { header: t('sp.col.name'), cell: (f) => f.name },
          { header: t('pv.funds.sponsor'), cell: (f) => dir.byOin.get(f.sponsor)?.name ?? f.sponsor },
          { header: t('sp.col.period'), cell: period },
          { header: t('sp.fund.categories'), cell: (f) => f.categories.map(category).join(', ') },
          {
            header: '',
            cell: (f) => (
              <Button
                appearance="primary"
                busy={apply.busy}
                onClick={() => apply.run(f)}
                aria-label={`${t('pv.funds.apply')}: ${f.name}`}
              >
                {t('pv.funds.apply')}
              </Button>
            ),
          },
        ]}
      />
      <BankAccountForm org={org} />
    </>
  );
}

function BankAccountForm({ org }: { org: OrgIdentity }) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const current = useLoad(
    () =>
      client.get<BankAccount>(`/bank-accounts/${org.oin}`).catch((e) => {
        if (e instanceof KetenboekApiError && e.status === 404) return null;
        throw e;
      }),
    [org.oin, version],
  );
  const [iban, setIban] = useState('');
  const [name, setName] = useState(org.name);
  const save = useAction(async () => {
    await budgets.send(orgSigner(org.oin), 'set_bank_account', {
      iban: iban.replace(/\s+/g, '').toUpperCase(),
      accountName: name,
    });
    setVersion((v) => v + 1);
  });
  return (
    <Section title={t('pv.bank.title')}>
      {current.data && (
        <Alert type="info">
          {t('pv.bank.current')}: <span className="kb-mono">{current.data.iban}</span> (
          {current.data.accountName})
        </Alert>
      )}
      <form
        className="kb-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save.run();
        }}
      >
        <TextField
          label={t('pv.bank.iban')}
          value={iban}
          onChange={setIban}
          name="iban"
          className="utrecht-textbox--iban-size"
          autoComplete="off"
        />
        <TextField label={t('pv.bank.name')} value={name} onChange={setName} name="accountName" />
        <Button type="submit" busy={save.busy}>
          {t('pv.bank.save')}
        </Button>
      </form>
      <ErrorAlert error={save.error ?? current.error} />
    </Section>
  );
}
