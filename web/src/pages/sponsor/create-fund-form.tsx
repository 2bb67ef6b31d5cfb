// A new scheme in three signed steps: create it, put the starting budget in, and activate it.
import { useState } from 'react';
import { budgets, eurosToCents } from '../../api/budgets.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { useAction } from '../../lib/use-async.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { CheckboxField, TextField } from '../../ui/fields.tsx';

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export function CreateFundForm({ org, onCreated }: { org: OrgIdentity; onCreated(): void }) {
  const { t } = useI18n();
  const year = new Date().getUTCFullYear() + 1;
  const [f, setF] = useState({
    fundId: `stadspas-${year}`,
    name: `Stadspas ${year}`,
    categories: 'sport, culture',
    startDate: isoDay(0),
    endDate: isoDay(365),
    amount: '150',
    perPayment: '75',
    topUp: '10000',
    bearer: true,
    reimbursements: true,
    activate: true,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (v: string | boolean) => setF((s) => ({ ...s, [k]: v }));

  const action = useAction(async () => {
    const signer = orgSigner(org.oin);
    const perPayment = f.perPayment.trim() ? eurosToCents(f.perPayment) : undefined;
    await budgets.send(signer, 'create_fund', {
      fundId: f.fundId,
      name: f.name,
      categories: f.categories
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
      startDate: f.startDate,
      endDate: f.endDate,
      amount: { kind: 'fixed', cents: eurosToCents(f.amount) },
      ...(perPayment ? { limits: { perPaymentCents: perPayment } } : {}),
      switches: { bearerVouchers: f.bearer, reimbursements: f.reimbursements },
    });
    await budgets.send(signer, 'top_up_fund', { fundId: f.fundId, amountCents: eurosToCents(f.topUp) });
    if (f.activate) await budgets.send(signer, 'activate_fund', { fundId: f.fundId });
    onCreated();
    return f.name;
  });

  const submit = () => {
    const e: Record<string, string> = {};
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(f.fundId)) e.fundId = t('sp.f.badId');
    if (!eurosToCents(f.amount)) e.amount = t('sp.f.badAmount');
    if (!eurosToCents(f.topUp)) e.topUp = t('sp.f.badAmount');
    if (f.perPayment.trim() && !eurosToCents(f.perPayment)) e.perPayment = t('sp.f.badAmount');
    setErrors(e);
    if (Object.keys(e).length === 0) void action.run();
  };

  return (
    <form
      className="kb-form"
      data-testid="create-fund-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <TextField
        label={t('sp.f.id')}
        description={t('sp.f.idHint')}
        value={f.fundId}
        onChange={set('fundId')}
        error={errors.fundId}
        name="fundId"
        required
      />
      <TextField label={t('sp.f.name')} value={f.name} onChange={set('name')} name="name" required />
      <TextField
        label={t('sp.f.categories')}
        description={t('sp.f.categoriesHint')}
        value={f.categories}
        onChange={set('categories')}
        name="categories"
      />
      <div className="kb-grid-2">
        <TextField
          label={t('sp.f.start')}
          type="date"
          value={f.startDate}
          onChange={set('startDate')}
          name="startDate"
          required
        />
        <TextField
          label={t('sp.f.end')}
          type="date"
          value={f.endDate}
          onChange={set('endDate')}
          name="endDate"
          required
        />
        <TextField
          label={t('sp.f.amount')}
          inputMode="decimal"
          value={f.amount}
          onChange={set('amount')}
          error={errors.amount}
          name="amount"
        />
        <TextField
          label={t('sp.f.perPayment')}
          inputMode="decimal"
          value={f.perPayment}
          onChange={set('perPayment')}
          error={errors.perPayment}
          name="perPayment"
        />
        <TextField
          label={t('sp.f.topUp')}
          inputMode="decimal"
          value={f.topUp}
          onChange={set('topUp')}
          error={errors.topUp}
          name="topUp"
        />
      </div>
      <CheckboxField label={t('sp.f.bearer')} checked={f.bearer} onChange={set('bearer')} name="bearer" />
      <CheckboxField
        label={t('sp.f.reimbursements')}
        checked={f.reimbursements}
        onChange={set('reimbursements')}
        name="reimbursements"
      />
      <CheckboxField
        label={t('sp.f.activate')}
        checked={f.activate}
        onChange={set('activate')}
        name="activate"
      />
      <Button type="submit" appearance="primary" busy={action.busy}>
        {t('sp.f.create')}
      </Button>
      {action.result && (
        <Alert type="ok" testId="fund-created">
          {t('sp.created', { name: action.result })}
        </Alert>
      )}
      <ErrorAlert error={action.error} />
    </form>
  );
}
