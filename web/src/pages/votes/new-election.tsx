// An organiser sets up a participatory budget: projects with their costs, and the windows.
import { useState } from 'react';
import { eurosToCents } from '../../api/budgets.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OrgGate } from '../../identity/org-gate.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { navigate } from '../../lib/router.tsx';
import { useAction } from '../../lib/use-async.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { TextAreaField, TextField } from '../../ui/fields.tsx';
import { Heading } from '../../ui/text.tsx';

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'project';

export function NewElectionPage() {
  const { t } = useI18n();
  return (
    <>
      <Heading level={1}>{t('v.new')}</Heading>
      <OrgGate portal="organiser" requiredRole="organiser">
        {(org) => <NewElectionForm org={org} />}
      </OrgGate>
    </>
  );
}

function NewElectionForm({ org }: { org: OrgIdentity }) {
  const { t } = useI18n();
  const [f, setF] = useState({
    id: `buurtbudget-${new Date().getUTCFullYear()}`,
    title: 'Buurtbudget',
    question: 'Aan welke projecten besteden we het buurtbudget?',
    budget: '50000',
    projects: 'Speeltuin; 35000\nBankjes in het park; 8000\nGeveltuinen; 12000',
    minutes: '60',
  });
  const [problem, setProblem] = useState<string>();
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const create = useAction(async () => {
    const projects = f.projects
      .split('\n')
      .map((l) => l.split(';').map((x) => x.trim()))
      .filter((p) => p[0])
      .map(([title, cost]) => ({ id: slug(title!), title: title!, costCents: eurosToCents(cost ?? '') }));
    if (projects.some((p) => !p.costCents)) throw new Error(t('v.new.badProjects'));
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms).toISOString();
    const minutes = Math.max(1, Number(f.minutes.replace(',', '.')) || 60) * 60_000;
    await client.send(orgSigner(org.oin), 'voting.create_election', {
      id: f.id,
      title: f.title,
      ballot: { kind: 'budget', question: f.question, budgetCents: eurosToCents(f.budget), projects },
      registrarOin: org.oin,
      registrationOpensAt: at(0),
      registrationClosesAt: at(minutes),
      votingOpensAt: at(0),
      votingClosesAt: at(minutes),
      revealClosesAt: at(minutes * 2),
      allowReplacement: false,
    });
    navigate(`/stemmen/${f.id}/balie`);
  });
  return (
    <form
      className="kb-form"
      onSubmit={(e) => {
        e.preventDefault();
        setProblem(eurosToCents(f.budget) ? undefined : t('sp.f.badAmount'));
        if (eurosToCents(f.budget)) void create.run();
      }}
    >
      <TextField label={t('v.new.id')} value={f.id} onChange={set('id')} name="id" />
      <TextField label={t('v.new.title')} value={f.title} onChange={set('title')} name="title" />
      <TextField label={t('v.new.question')} value={f.question} onChange={set('question')} name="question" />
      <TextField
        label={t('v.new.budget')}
        value={f.budget}
        onChange={set('budget')}
        error={problem}
        inputMode="decimal"
        name="budget"
      />
      <TextAreaField
        label={t('v.new.projects')}
        value={f.projects}
        onChange={set('projects')}
        rows={5}
        name="projects"
      />
      <TextField
        label={t('v.new.minutes')}
        value={f.minutes}
        onChange={set('minutes')}
        inputMode="numeric"
        name="minutes"
      />
      <Button type="submit" appearance="primary" busy={create.busy}>
        {t('v.new.create')}
      </Button>
      <ErrorAlert error={create.error} />
    </form>
  );
}
