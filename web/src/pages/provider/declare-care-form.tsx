// Declaring delivered care: the month and the number of units, within the contract. The time sheet
// stays with the provider; if one is chosen it is hashed in this browser and only the hash goes on
// the ledger, so the holder can later check it against the sheet they were shown.
import { useState } from 'react';
import { newId } from '../../api/budgets.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { useAction } from '../../lib/use-async.ts';
import { sha256OfFile } from '../../lib/verify.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FileField, SelectField, TextField } from '../../ui/fields.tsx';
import { earlierMonth, monthLabel, monthOf, monthsBetween } from '../shared/care-units.ts';
import type { ContractWithDeclarations } from './use-provider-contracts.ts';

export function DeclareCareForm({
  contract: c,
  org,
  onDeclared,
}: {
  contract: ContractWithDeclarations;
  org: OrgIdentity;
  onDeclared(): void;
}) {
  const { t, tOr, lang, fmt } = useI18n();
  const now = monthOf(new Date().toISOString());
  // Care is declared for a month that has begun and lies within the contract.
  const months = monthsBetween(monthOf(c.startDate), earlierMonth(monthOf(c.endDate), now));
  const [period, setPeriod] = useState(months[0] ?? now);
  const [units, setUnits] = useState('');
  const [logHash, setLogHash] = useState<string>();
  const [unitsError, setUnitsError] = useState<string>();
  const declare = useAction(async () => {
    const n = Number(units);
    await client.budgets.declareCare(orgSigner(org.oin), {
      declarationId: newId('declaratie-zorg'),
      contractId: c.id,
      period,
      units: n,
      ...(logHash ? { careLogHash: logHash } : {}),
    });
    setUnits('');
    onDeclared();
    return fmt.money(BigInt(c.rateCents) * BigInt(n));
  });
  const used = c.months[period]?.declaredUnits ?? 0;
  return (
    <form
      className="kb-form"
      data-testid="declare-care-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^[1-9]\d{0,4}$/.test(units.trim())) return setUnitsError(t('care.badNumber'));
        setUnitsError(undefined);
        void declare.run();
      }}
    >
      <div className="kb-grid-2">
        <SelectField
          label={t('care.month')}
          value={period}
          onChange={setPeriod}
          name="declarePeriod"
          options={months.map((m) => ({ value: m, label: monthLabel(lang, m) }))}
        />
        <TextField
          label={t('care.pv.unitsLabel', { unit: tOr(`careUnit.${c.unit}`, c.unit) })}
          description={
            c.maxUnitsPerMonth !== null
              ? t('care.pv.unitsLeft', { left: c.maxUnitsPerMonth - used })
              : undefined
          }
          inputMode="numeric"
          value={units}
          onChange={setUnits}
          error={unitsError}
          name="declareUnits"
        />
      </div>
      <FileField
        label={t('care.pv.timesheet')}
        description={t('care.pv.timesheetHint')}
        onFile={(f) => void sha256OfFile(f).then(setLogHash)}
        name="timesheet"
      />
      <Button type="submit" appearance="primary" busy={declare.busy}>
        {t('care.pv.declare')}
      </Button>
      {declare.result && (
        <Alert type="ok" testId="care-declared">
          {t('care.pv.declared', { amount: declare.result })}
        </Alert>
      )}
      <ErrorAlert error={declare.error} testId="declare-error" />
    </form>
  );
}
