// One input per field type of a process: euros for amounts, a date picker, a list for codes. What
// the ledger receives is its own plain form (cents, YYYY-MM-DD, a code), never free text.
import { eurosToCents } from '../../../api/budgets.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { SelectField, TextField } from '../../../ui/fields.tsx';
import type { ProcessField } from '../case-permissions.ts';

/** The ledger value for what the person typed, or undefined when it does not fit the type. */
export function toLedgerValue(field: ProcessField, typed: string): string | undefined {
  const s = typed.trim();
  switch (field.type) {
    case 'cents':
      return eurosToCents(s);
    case 'count':
      return /^(0|[1-9]\d{0,5})$/.test(s) ? s : undefined;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined;
    case 'hash':
      return s ? s.toLowerCase() : undefined;
    default:
      return field.values?.includes(s) ? s : undefined;
  }
}

export function FieldValueInput({
  field,
  label,
  value,
  onChange,
  error,
  name,
}: {
  field: ProcessField;
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string | undefined;
  name: string;
}) {
  const { t, tOr } = useI18n();
  if (field.type === 'code') {
    return (
      <SelectField
        label={label}
        value={value}
        onChange={onChange}
        name={name}
        options={[
          { value: '', label: '—' },
          ...(field.values ?? []).map((v) => ({ value: v, label: tOr(`caseValue.${v}`, v) })),
        ]}
      />
    );
  }
  const description = {
    cents: t('ca.field.cents'),
    count: t('ca.field.count'),
    date: undefined,
    hash: t('ca.field.hash'),
  }[field.type];
  return (
    <TextField
      label={label}
      value={value}
      onChange={onChange}
      name={name}
      description={description}
      error={error}
      type={field.type === 'date' ? 'date' : 'text'}
      inputMode={field.type === 'cents' ? 'decimal' : field.type === 'count' ? 'numeric' : undefined}
      autoComplete="off"
      spellCheck={false}
    />
  );
}
