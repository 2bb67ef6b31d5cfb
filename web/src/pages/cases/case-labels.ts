// Names for everything a case shows: organisations by name instead of OIN, and the process's codes
// (roles, attestations, fields, steps) in the reader's language, falling back to the code itself.
import type { PartnerCasesPage, ProcessDefinition } from '../../../../src/client/modules/cases.ts';
import type { Directory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type WaitingOn = PartnerCasesPage['cases'][number]['waitingOn'][number];

export interface CaseLabels {
  org(oinOrSubject: string): string;
  role(code: string): string;
  attestation(kind: string): string;
  field(name: string): string;
  /** A field value as a person reads it: euros, a date, a code's name. */
  value(field: string, value: string): string;
  documentKind(kind: string): string;
  step(id: string): string;
  action(code: string): string;
  /** "Zorgaanbieder Demo BV: verklaring zorgaanbod gedaan" */
  waiting(w: WaitingOn): string;
}

/** Labels for one case; `defs` are the process definitions at hand (for step titles, field types). */
export function useCaseLabels(dir: Directory, defs: ProcessDefinition[] = []): CaseLabels {
  const { t, tOr, fmt } = useI18n();
  const role = (code: string) => tOr(`caseRole.${code}`, code);
  const step = (id: string) => {
    for (const d of defs) {
      const s = d.steps.find((x) => x.id === id);
      if (s) return s.title;
    }
    return id;
  };
  const attestation = (kind: string) => tOr(`caseAtt.${kind}`, kind);
  const field = (name: string) => tOr(`caseField.${name}`, name);
  const org = (id: string) => (id === 'subject' ? t('c.resident') : (dir.byOin.get(id)?.name ?? id));
  const value = (name: string, v: string) => {
    const type = defs.flatMap((d) => d.fields).find((f) => f.name === name)?.type;
    if (type === 'cents') return fmt.money(v);
    if (type === 'date') return fmt.date(v);
    if (type === 'code') return tOr(`caseValue.${v}`, v);
    return v;
  };
  const item = (w: WaitingOn) => {
    switch (w.reason) {
      case 'attestation':
        return attestation(w.item);
      case 'field':
        return field(w.item);
      case 'invitation':
        return role(w.item);
      case 'advance':
        return step(w.item);
      default:
        return w.item;
    }
  };
  return {
    org,
    role,
    attestation,
    field,
    value,
    documentKind: (kind) => tOr(`caseDoc.${kind}`, kind),
    step,
    action: (code) => tOr(`caseAction.${code}`, code),
    waiting(w) {
      const who =
        w.role === 'subject'
          ? t('c.resident')
          : w.oin
            ? org(w.oin)
            : t('c.nobodyYet', { role: role(w.role) });
      return `${who}: ${tOr(`c.reason.${w.reason}`, w.reason, { item: item(w) })}`;
    },
  };
}
