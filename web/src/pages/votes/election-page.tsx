// One vote: what is asked, the counters, the (provisional) result, and the resident's own ballot.
import { KetenboekApiError } from '../../api/client.ts';
import { type Election, voting } from '../../api/voting.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { StateBadge } from '../shared/states.tsx';
import { ResidentBallot } from './resident-ballot.tsx';

export function ElectionPage({ id }: { id: string }) {
  const { t, fmt } = useI18n();
  const election = useLoad(() => voting.election(id), [id]);
  const e = election.data;
  return (
    <>
      <Heading level={1}>{e?.title ?? id}</Heading>
      <ErrorAlert error={election.error} />
      {e && (
        <>
          <p className="utrecht-paragraph">
            <StateBadge kind="electionState" state={e.status} />{' '}
            {t('v.windows', { from: fmt.dateTime(e.votingOpensAt), to: fmt.dateTime(e.votingClosesAt) })}
          </p>
          <Paragraph>
            {t('v.counts', { issued: e.tokensIssued, cast: e.ballotsCast, revealed: e.ballotsRevealed })}
          </Paragraph>
          <BallotSpecView election={e} />
          <TallyView election={e} />
          <ResidentBallot election={e} onChange={election.reload} />
          <p className="utrecht-paragraph">
            <Link to={`/stemmen/${e.id}/balie`}>{t('v.registrarDesk')}</Link>
          </p>
        </>
      )}
    </>
  );
}

function BallotSpecView({ election: e }: { election: Election }) {
  const { t, fmt } = useI18n();
  if (e.ballot.kind !== 'budget') return null;
  return (
    <Section title={t('v.projects')}>
      <Paragraph>
        <strong>{t('v.question')}:</strong> {e.ballot.question} {t('v.budget')}:{' '}
        {fmt.money(e.ballot.budgetCents)}.
      </Paragraph>
    </Section>
  );
}

interface Project {
  id: string;
  title: string;
  costCents: string;
}

function TallyView({ election: e }: { election: Election }) {
  const { t, fmt } = useI18n();
  const tally = useLoad(
    () =>
      voting.tally(e.id).catch((err) => {
        if (err instanceof KetenboekApiError && err.status === 409) return null;
        throw err;
      }),
    [e.id, e.ballotsRevealed],
  );
  if (e.ballot.kind !== 'budget') return null;
  const projects: Project[] = e.ballot.projects;
  const votesOf = (projectId: string) => tally.data?.budget?.projects.find((p) => p.id === projectId);
  return (
    <Section title={tally.data && !tally.data.final ? t('v.tallyProvisional') : t('v.tally')}>
      <ErrorAlert error={tally.error} />
      {tally.data === null && <Paragraph>{t('v.tallyNotYet')}</Paragraph>}
      <DataTable
        caption={t('v.projects')}
        hideCaption
        rows={projects}
        rowKey={(p) => p.id}
        columns={[
          { header: t('v.project'), cell: (p) => p.title },
          { header: t('v.cost'), numeric: true, cell: (p) => fmt.money(p.costCents) },
          ...(tally.data
            ? [
                {
                  header: t('v.votes'),
                  numeric: true,
                  cell: (p: Project) => votesOf(p.id)?.votes ?? 0,
                },
                {
                  header: t('v.funded'),
                  cell: (p: Project) =>
                    tally.data?.budget?.funded.includes(p.id) ? t('common.yes') : t('common.no'),
                },
              ]
            : []),
        ]}
      />
    </Section>
  );
}
