// Form fields with a visible label, an optional description and an error message, all tied to the
// control with aria-describedby, as the NL Design System form-field pattern prescribes.
import { type ChangeEvent, type InputHTMLAttributes, type ReactNode, useId } from 'react';

interface FieldFrame {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
}

function Frame({
  id,
  label,
  description,
  error,
  children,
  kind,
}: FieldFrame & { id: string; children: ReactNode; kind?: 'checkbox' }) {
  const cls = ['utrecht-form-field', 'utrecht-form-field--distanced'];
  if (kind) cls.push(`utrecht-form-field--${kind}`);
  if (error) cls.push('utrecht-form-field--invalid');
  return (
    <div className={cls.join(' ')}>
      <div className="utrecht-form-field__label">
        <label className={`utrecht-form-label${kind ? ` utrecht-form-label--${kind}` : ''}`} htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-desc`}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-err`}>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

function describedBy(id: string, f: FieldFrame): string | undefined {
  const ids = [f.description ? `${id}-desc` : '', f.error ? `${id}-err` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

type TextFieldProps = FieldFrame &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
    value: string;
    onChange(value: string): void;
  };

export function TextField({
  label,
  description,
  error,
  value,
  onChange,
  className,
  ...input
}: TextFieldProps) {
  const id = useId();
  return (
    <Frame id={id} label={label} description={description} error={error}>
      <input
        id={id}
        className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}${className ? ` ${className}` : ''}`}
        value={value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, description, error })}
        {...input}
      />
    </Frame>
  );
}

export function TextAreaField({
  label,
  description,
  error,
  value,
  onChange,
  rows = 6,
  name,
  readOnly,
}: FieldFrame & {
  value: string;
  onChange(v: string): void;
  rows?: number;
  name?: string;
  readOnly?: boolean;
}) {
  const id = useId();
  return (
    <Frame id={id} label={label} description={description} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        readOnly={readOnly}
        className="utrecht-textarea utrecht-textarea--html-textarea kb-mono"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, description, error })}
      />
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  description,
  error,
  value,
  onChange,
  options,
  name,
}: FieldFrame & { value: string; onChange(v: string): void; options: Option[]; name?: string }) {
  const id = useId();
  return (
    <Frame id={id} label={label} description={description} error={error}>
      <select
        id={id}
        name={name}
        className="utrecht-select utrecht-select--html-select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, { label, description, error })}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function CheckboxField({
  label,
  description,
  checked,
  onChange,
  name,
}: FieldFrame & { checked: boolean; onChange(v: boolean): void; name?: string }) {
  const id = useId();
  return (
    <Frame id={id} label={label} description={description} kind="checkbox">
      <input
        id={id}
        name={name}
        type="checkbox"
        className="utrecht-checkbox utrecht-checkbox--html-input"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={describedBy(id, { label, description })}
      />
    </Frame>
  );
}

export function FileField({
  label,
  description,
  accept,
  onFile,
  name,
}: FieldFrame & { accept?: string; onFile(file: File): void; name?: string }) {
  const id = useId();
  return (
    <Frame id={id} label={label} description={description}>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        className="kb-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
        }}
        aria-describedby={describedBy(id, { label, description })}
      />
    </Frame>
  );
}

export function Fieldset({ legend, children }: { legend: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {children}
    </fieldset>
  );
}
