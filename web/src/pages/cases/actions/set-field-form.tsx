// The partner that owns a field of the process records its value (an amount, a count, a date, a
// reference or a choice from the process's list).
import { useState } from 'react';
import { client } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { orgSigner } from '../../../identity/org-keys.ts';
import { Button } from '../../../ui/button.tsx';
import { SelectField } from '../../../ui/fields.tsx';
import { Section } from '../../../ui/section.tsx';
import type { ProcessField } from '../case-permissions.ts';
import type { ActionProps } from './action-props.ts';
import { FieldValueInput, toLedgerValue } from './field-value-input.tsx';
import { TxOutcome, useCaseTx } from './tx-outcome.tsx';

export function SetFieldForm({ c, org, labels, onDone, fields }: ActionProps & { fields: ProcessField[] }) {
  const { t } = useI18n();
  // The fields the current step still needs come first.
  const missing = new Set(c.progress.missing.flatMap((m) => (m.kind === 'field' ? [m.field] : [])));
  const ordered = [
    ...fields.filter((f) => missing.has(f.name)),
    ...fields.filter((f) => !missing.has(f.name)),
  ];
  const [name, setName] = useState(ordered[0]?.name ?? '');
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string>();
  const field = fields.find((f) => f.name === name);
  const send = useCaseTx(
    (value: string) => client.cases.setField(orgSigner(org.oin), { caseId: c.id, field: name, value }),
    () => {
      setTyped('');
      onDone();
    },
  );
  return (
    <Section title={t('ca.field.title')} level={3} id="ca-field">
      <form
        className="kb-form"
        data-testid="set-field-form"
        onSubmit={(e) => {
          e.preventDefault();
          const value = field && toLedgerValue(field, typed);
          setProblem(value ? undefined : t('ca.field.bad'));
          if (value) void send.run(value);
        }}
      >
        <SelectField
          label={t('ca.field.name')}
          value={name}
          onChange={(v) => {
            setName(v);
            setTyped('');
            setProblem(undefined);
          }}
          name="field"
          options={ordered.map((f) => ({ value: f.name, label: labels.field(f.name) }))}
        />
        {field && (
          <FieldValueInput
            key={field.name}
            field={field}
            label={t('ca.field.value')}
            value={typed}
            onChange={setTyped}
            error={problem}
            name="field-value"
          />
        )}
        <Button type="submit" appearance="primary" busy={send.busy}>
          {t('ca.field.submit')}
        </Button>
        <TxOutcome action={send} testId="set-field" />
      </form>
    </Section>
  );
}
