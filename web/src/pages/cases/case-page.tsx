// One case: where it stands and on whom it waits, what the signed-in organisation can do now, and
// everything that happened, in order. Follows the events stream, so another partner's step shows
// up here without a reload.
import type { CaseView, ProcessDefinition, TimelineEntry } from '../../../../src/client/modules/cases.ts';
import { useCaseChanges } from '../../api/case-events.ts';
import { client } from '../../api/client.ts';
import { type Directory, useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OrgGate } from '../../identity/org-gate.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { Alert } from '../../ui/alert.tsx';
import { StatusBadge } from '../../ui/badge.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Section } from '../../ui/section.tsx';
import { Heading } from '../../ui/text.tsx';
import { StateBadge } from '../shared/states.tsx';
import { SubjectAttestForm } from './actions/subject-attest-form.tsx';
import { CaseActions } from './case-actions.tsx';
import { type CaseLabels, useCaseLabels } from './case-labels.ts';
import { CaseRecords } from './case-records.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import { LiveStatus } from './live-status.tsx';

interface Loaded {
  c: CaseView;
  def: ProcessDefinition;
  timeline: TimelineEntry[];
}

async function loadCase(id: string): Promise<Loaded> {
  const [c, timeline] = await Promise.all([client.cases(id), client.cases.timeline(id)]);
  // The version the case was opened with: a newer published version does not apply to it.
  const def = await client.cases.process(c.process, c.processVersion);
  return { c, def, timeline: timeline.items };
}

export function CasePage({ id }: { id: string }) {
  const { t } = useI18n();
  const dir = useDirectory();
  const changes = useCaseChanges({ caseId: id });
  const data = useLoad(() => loadCase(id), [id, changes.version]);
  const labels = useCaseLabels(dir, data.data ? [data.data.def] : []);
  const loaded = data.data?.c.id === id ? data.data : undefined;
  return (
    <>
      <Heading level={1}>
        {t('c.case')} {id}
        {loaded && `: ${loaded.c.processTitle}`}
      </Heading>
      <LiveStatus live={changes.live} />
      <ErrorAlert error={data.error} />
      {loaded && <CaseDetails {...loaded} labels={labels} dir={dir} onDone={data.reload} />}
    </>
  );
}

function CaseDetails({
  c,
  def,
  timeline,
  labels,
  dir,
  onDone,
}: Loaded & { labels: CaseLabels; dir: Directory; onDone(): void }) {
  const { t, tOr, fmt } = useI18n();
  return (
    <>
      <CaseFacts c={c} labels={labels} />
      {c.erasure && (
        <Alert type="info">
          {t('c.erasedNote', {
            at: fmt.dateTime(c.erasure.at),
            reason: tOr(`erasureReason.${c.erasure.reason}`, c.erasure.reason),
          })}
        </Alert>
      )}
      <Section title={t('ca.title')} id="case-actions-title">
        <OrgGate portal="cases" requiredRole="case_partner">
          {(org) => <CaseActions c={c} def={def} org={org} labels={labels} dir={dir} onDone={onDone} />}
        </OrgGate>
        <SubjectAttestForm c={c} def={def} labels={labels} onDone={onDone} />
      </Section>
      <Section title={t('c.timeline')} id="case-timeline-title">
        <CaseTimeline entries={timeline} labels={labels} />
      </Section>
      <Section title={t('c.details')} id="case-records-title">
        <CaseRecords c={c} labels={labels} />
      </Section>
    </>
  );
}

function CaseFacts({ c, labels }: { c: CaseView; labels: CaseLabels }) {
  const { t, fmt } = useI18n();
  const waiting = c.progress.waitingOn;
  return (
    <DataList
      testId="case-facts"
      items={[
        [t('c.process'), `${c.processTitle} (v${c.processVersion})`],
        [t('common.status'), <StateBadge key="s" kind="caseState" state={c.status} />],
        [t('c.step'), c.stepTitle],
        [
          t('c.due'),
          <span key="due">
            {fmt.dateTime(c.dueAt)}{' '}
            {c.progress.overdue && <StatusBadge tone="danger">{t('c.overdue')}</StatusBadge>}
          </span>,
        ],
        [
          t('c.waitingOn'),
          waiting.length === 0 ? (
            t('c.nothingWaits')
          ) : (
            <ul key="w" className="utrecht-unordered-list" data-testid="case-waiting-on">
              {waiting.map((w) => (
                <li key={`${w.oin}-${w.reason}-${w.item}`} className="utrecht-unordered-list__item">
                  {labels.waiting(w)}
                </li>
              ))}
            </ul>
          ),
        ],
        [
          t('c.partners'),
          c.partners.map((p) => `${labels.org(p.oin)} (${p.roles.map(labels.role).join(', ')})`).join('; '),
        ],
        [t('c.openedBy'), `${labels.org(c.opener)}, ${fmt.dateTime(c.openedAt)}`],
        c.progress.openDisputes.length > 0 && [t('c.disputes'), c.progress.openDisputes.join(', ')],
      ]}
    />
  );
}
