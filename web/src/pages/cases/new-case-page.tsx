// A chain partner opens a case of a published process. The resident appears on the ledger only as
// a pseudonymous key or a salted reference; whatever else is typed here (a BSN, a name) is refused
// by the ledger's no-personal-data check, and the refusal says what to send instead.
import { useState } from 'react';
import type { ProcessDefinition } from '../../../../src/client/modules/cases.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OrgGate } from '../../identity/org-gate.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { navigate } from '../../lib/router.tsx';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';

type SubjectKind = 'pseudonym' | 'reference';

const residentSigns = (p: ProcessDefinition | undefined) => !!p?.attestations.some((a) => a.by === 'subject');

export function NewCasePage() {
  const { t } = useI18n();
  return (
    <>
      <Heading level={1}>{t('nc.title')}</Heading>
      <Paragraph lead>{t('nc.intro')}</Paragraph>
      <OrgGate portal="cases" requiredRole="case_partner">
        {(org) => <NewCaseForm org={org} />}
      </OrgGate>
    </>
  );
}

function NewCaseForm({ org }: { org: OrgIdentity }) {
  const { t } = useI18n();
  const processes = useLoad(() => client.cases.processes(), []);
  const items = processes.data?.items ?? [];
  const [processId, setProcessId] = useState('');
  const process = items.find((p) => p.id === processId) ?? items[0];
  const [kind, setKind] = useState<SubjectKind | ''>('');
  // Until the person chooses, follow the process: a resident who signs needs their own key.
  const subjectKind: SubjectKind = kind || (residentSigns(process) ? 'pseudonym' : 'reference');
  const [value, setValue] = useState('');
  const open = useAction(async () => {
    const v = value.trim();
    const tx = await client.cases.open(orgSigner(org.oin), {
      process: process!.id,
      subject:
        subjectKind === 'pseudonym' ? { kind: 'pseudonym', pubKey: v } : { kind: 'reference', hash: v },
    });
    const opened = tx.result.events.find((e) => e.type === 'cases.opened');
    const id = opened?.attributes.find((a) => a.key === 'case')?.value;
    if (id) navigate(`/zaken/${id}`);
    return tx;
  });
  if (processes.data && items.length === 0) return <Alert type="info">{t('nc.noProcesses')}</Alert>;
  return (
    <form
      className="kb-form"
      data-testid="new-case-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (process) void open.run();
      }}
    >
      <ErrorAlert error={processes.error} />
      <SelectField
        label={t('nc.process')}
        value={process?.id ?? ''}
        onChange={setProcessId}
        name="process"
        description={
          process &&
          t('nc.steps', {
            steps: process.steps
              .filter((s) => !s.terminal)
              .map((s) => s.title)
              .join(' → '),
          })
        }
        options={items.map((p) => ({ value: p.id, label: p.title }))}
      />
      <SelectField
        label={t('nc.subjectKind')}
        value={subjectKind}
        onChange={(v) => setKind(v as SubjectKind)}
        name="subject-kind"
        description={residentSigns(process) ? t('nc.needsKey') : undefined}
        options={[
          { value: 'pseudonym', label: t('nc.subject.pseudonym') },
          { value: 'reference', label: t('nc.subject.reference') },
        ]}
      />
      <TextField
        label={subjectKind === 'pseudonym' ? t('nc.pubKey') : t('nc.reference')}
        description={subjectKind === 'pseudonym' ? t('nc.pubKeyHelp') : t('nc.referenceHelp')}
        value={value}
        onChange={setValue}
        name="subject"
        autoComplete="off"
        spellCheck={false}
      />
      <Button type="submit" appearance="primary" busy={open.busy} disabled={!process || !value.trim()}>
        {t('nc.submit')}
      </Button>
      <ErrorAlert error={open.error} testId="open-case-error" />
    </form>
  );
}
