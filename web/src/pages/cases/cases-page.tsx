// "Mijn zaken": the open cases of the signed-in chain partner, with the step each is in, its
// deadline, and on whom it waits (the partner's own turn first). Filterable, and live: a step by
// any partner in one of these cases reloads the overview.
import { useState } from 'react';
import type { PartnerCasesPage } from '../../../../src/client/modules/cases.ts';
import { useCaseChanges } from '../../api/case-events.ts';
import { client } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OrgGate } from '../../identity/org-gate.tsx';
import type { OrgIdentity } from '../../identity/org-keys.ts';
import { Link } from '../../lib/router.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { StatusBadge } from '../../ui/badge.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { CheckboxField, Fieldset, SelectField } from '../../ui/fields.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { type CaseLabels, useCaseLabels } from './case-labels.ts';
import { LiveStatus } from './live-status.tsx';

type Summary = PartnerCasesPage['cases'][number];

interface Filter {
  process: string;
  myTurn: boolean;
  overdue: boolean;
}

const matches = (f: Filter) => (c: Summary) =>
  (!f.process || c.process === f.process) &&
  (!f.myTurn || c.waitingOnYou.length > 0) &&
  (!f.overdue || c.overdue);

export function CasesPage() {
  const { t } = useI18n();
  return (
    <>
      <Heading level={1}>{t('c.title')}</Heading>
      <Paragraph lead>{t('c.intro')}</Paragraph>
      <OrgGate portal="cases" requiredRole="case_partner">
        {(org) => <PartnerCases org={org} />}
      </OrgGate>
    </>
  );
}

function PartnerCases({ org }: { org: OrgIdentity }) {
  const { t } = useI18n();
  const dir = useDirectory();
  const changes = useCaseChanges({ participant: org.oin });
  const overview = useLoad(
    () => Promise.all([client.cases.partnerCases(org.oin, { limit: 100 }), client.cases.processes()]),
    [org.oin, changes.version],
  );
  const [cases, processes] = overview.data ?? [undefined, undefined];
  const labels = useCaseLabels(dir, processes?.items);
  const [filter, setFilter] = useState<Filter>({ process: '', myTurn: false, overdue: false });
  const all = cases?.oin === org.oin ? cases.cases : [];
  const shown = all.filter(matches(filter));
  return (
    <>
      <Heading level={2}>{t('c.mine')}</Heading>
      <p className="utrecht-paragraph">
        <Link
          to="/zaken/nieuw"
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
        >
          {t('c.newCase')}
        </Link>
      </p>
      <LiveStatus live={changes.live} />
      <ErrorAlert error={overview.error} />
      <Fieldset legend={t('c.filters')}>
        <div className="kb-grid-2">
          <SelectField
            label={t('c.filter.process')}
            value={filter.process}
            onChange={(process) => setFilter((f) => ({ ...f, process }))}
            name="filter-process"
            options={[
              { value: '', label: t('c.filter.allProcesses') },
              ...(processes?.items ?? []).map((p) => ({ value: p.id, label: p.title })),
            ]}
          />
          <div>
            <CheckboxField
              label={t('c.filter.myTurn')}
              checked={filter.myTurn}
              onChange={(myTurn) => setFilter((f) => ({ ...f, myTurn }))}
              name="filter-my-turn"
            />
            <CheckboxField
              label={t('c.filter.overdue')}
              checked={filter.overdue}
              onChange={(overdue) => setFilter((f) => ({ ...f, overdue }))}
              name="filter-overdue"
            />
          </div>
        </div>
      </Fieldset>
      <p className="utrecht-paragraph kb-muted" aria-live="polite" data-testid="cases-count">
        {t('c.filter.count', { shown: shown.length, total: all.length })}
      </p>
      <CasesTable
        rows={shown}
        labels={labels}
        processTitle={(id) => processes?.items.find((p) => p.id === id)?.title ?? id}
      />
    </>
  );
}

function CasesTable({
  rows,
  labels,
  processTitle,
}: {
  rows: Summary[];
  labels: CaseLabels;
  processTitle(id: string): string;
}) {
  const { t, fmt } = useI18n();
  return (
    <DataTable
      caption={t('c.open')}
      hideCaption
      testId="partner-cases"
      rows={rows}
      rowKey={(c) => c.id}
      empty={t('c.none')}
      columns={[
        {
          header: t('c.case'),
          cell: (c) => (
            <Link to={`/zaken/${c.id}`} aria-label={`${t('c.case')} ${c.id}: ${processTitle(c.process)}`}>
              {c.id}
            </Link>
          ),
        },
        { header: t('c.process'), cell: (c) => processTitle(c.process) },
        { header: t('c.ourRoles'), cell: (c) => c.roles.map(labels.role).join(', ') },
        { header: t('c.step'), cell: (c) => c.stepTitle },
        {
          header: t('c.due'),
          cell: (c) => (
            <>
              {fmt.date(c.dueAt)}{' '}
              {c.dueAt && (
                <StatusBadge tone={c.overdue ? 'danger' : 'success'}>
                  {c.overdue ? t('c.overdue') : t('c.onTime')}
                </StatusBadge>
              )}
            </>
          ),
        },
        { header: t('c.waitingOn'), cell: (c) => <WaitingList c={c} labels={labels} /> },
      ]}
    />
  );
}

/** On whom a case waits, the partner's own turn first and marked. */
function WaitingList({ c, labels }: { c: Summary; labels: CaseLabels }) {
  const { t } = useI18n();
  const mine = (w: Summary['waitingOn'][number]) =>
    c.waitingOnYou.some((y) => y.reason === w.reason && y.item === w.item && y.oin === w.oin);
  const others = c.waitingOn.filter((w) => !mine(w));
  if (c.waitingOn.length === 0) return <>—</>;
  return (
    <ul className="utrecht-unordered-list kb-compact-list" data-testid={`waiting-${c.id}`}>
      {c.waitingOnYou.map((w) => (
        <li key={`you-${w.reason}-${w.item}`} className="utrecht-unordered-list__item">
          <StatusBadge tone="warning">{t('c.youToAct')}</StatusBadge> {labels.waiting(w)}
        </li>
      ))}
      {others.map((w) => (
        <li key={`${w.oin}-${w.role}-${w.reason}-${w.item}`} className="utrecht-unordered-list__item">
          {labels.waiting(w)}
        </li>
      ))}
    </ul>
  );
}
