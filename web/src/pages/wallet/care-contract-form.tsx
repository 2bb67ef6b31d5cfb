// The holder proposes a care contract to a provider the municipality accepted for this budget: the
// kind of care, the unit and rate they agreed, an optional cap per month and the period. The
// provider then signs it in its own portal before it can declare anything.
import { useState } from 'react';
import { budgets, type CareBudgetView, eurosToCents, newId } from '../../api/budgets.ts';
import { client } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type WalletKey, walletSigner } from '../../identity/resident-wallet.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { CARE_UNIT_LIST, type CareUnit, monthOf } from '../shared/care-units.ts';
import { useCategoryLabel } from '../shared/states.tsx';

export function CareContractForm({
  view,
  walletKey,
  onCreated,
}: {
  view: CareBudgetView;
  walletKey: WalletKey;
  onCreated(): void;
}) {
  const { t, tOr } = useI18n();
  const dir = useDirectory();
  const category = useCategoryLabel();
  const { fund, voucher } = view;
  const accepted = useLoad(() => budgets.providers(fund.id, 'accepted'), [fund.id]);
  const [providerOin, setProvider] = useState('');
  const [cat, setCat] = useState('');
  const [unit, setUnit] = useState<CareUnit>('hour');
  const [rate, setRate] = useState('');
  const [maxUnits, setMaxUnits] = useState('');
  const [startDate, setStart] = useState(() => {
    const first = `${monthOf(new Date().toISOString())}-01`;
    return first < fund.startDate ? fund.startDate : first;
  });
  const [endDate, setEnd] = useState(fund.endDate);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const providers = accepted.data ?? [];
  const chosen = providers.find((p) => p.provider === providerOin) ?? providers[0];
  const categories = chosen?.categories ?? fund.categories;
  const create = useAction(async () => {
    await client.budgets.createCareContract(walletSigner(walletKey), {
      contractId: newId('zorgovereenkomst'),
      voucherId: voucher.id,
      provider: chosen!.provider,
      category: cat && categories.includes(cat) ? cat : categories[0]!,
      unit,
      rateCents: eurosToCents(rate)!,
      ...(maxUnits.trim() ? { maxUnitsPerMonth: Number(maxUnits) } : {}),
      startDate,
      endDate,
    });
    setRate('');
    setMaxUnits('');
    onCreated();
    return true;
  });
  if (providers.length === 0) return null;
  return (
    <details className="kb-details">
      <summary>{t('care.new')}</summary>
      <form
        className="kb-form"
        data-testid="care-contract-form"
        onSubmit={(e) => {
          e.preventDefault();
          const p: Record<string, string> = {};
          if (!eurosToCents(rate)) p.rate = t('sp.f.badAmount');
          if (maxUnits.trim() && !/^[1-9]\d{0,5}$/.test(maxUnits.trim())) p.max = t('care.badNumber');
          setProblems(p);
          if (Object.keys(p).length === 0) void create.run();
        }}
      >
        <SelectField
          label={t('common.provider')}
          value={chosen?.provider ?? ''}
          onChange={setProvider}
          name="careProvider"
          options={providers.map((p) => ({
            value: p.provider,
            label: dir.byOin.get(p.provider)?.name ?? p.provider,
          }))}
        />
        <div className="kb-grid-2">
          <SelectField
            label={t('care.kind')}
            value={cat && categories.includes(cat) ? cat : (categories[0] ?? '')}
            onChange={setCat}
            name="careCategory"
            options={categories.map((c) => ({ value: c, label: category(c) }))}
          />
          <SelectField
            label={t('care.unit')}
            value={unit}
            onChange={(u) => setUnit(u as CareUnit)}
            name="careUnit"
            options={CARE_UNIT_LIST.map((u) => ({ value: u, label: tOr(`careUnit.${u}`, u) }))}
          />
        </div>
        <div className="kb-grid-2">
          <TextField
            label={t('care.rateLabel')}
            inputMode="decimal"
            value={rate}
            onChange={setRate}
            error={problems.rate}
            name="careRate"
          />
          <TextField
            label={t('care.maxLabel')}
            description={t('pv.offers.stockHint')}
            inputMode="numeric"
            value={maxUnits}
            onChange={setMaxUnits}
            error={problems.max}
            name="careMax"
          />
        </div>
        <div className="kb-grid-2">
          <TextField
            label={t('care.start')}
            type="date"
            value={startDate}
            onChange={setStart}
            name="careStart"
          />
          <TextField label={t('care.end')} type="date" value={endDate} onChange={setEnd} name="careEnd" />
        </div>
        <Button type="submit" appearance="primary" busy={create.busy}>
          {t('care.propose')}
        </Button>
      </form>
      {create.result && (
        <Alert type="ok" testId="care-contract-proposed">
          {t('care.proposed')}
        </Alert>
      )}
      <ErrorAlert error={create.error} testId="care-contract-error" />
    </details>
  );
}
