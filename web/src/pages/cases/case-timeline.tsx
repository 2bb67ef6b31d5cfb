// Everything that happened in a case, oldest first: block time, block, acting organisation, what it
// did (in words, with the process's names), and the tx, which links to the explorer and its receipt.
import type { TimelineEntry } from '../../../../src/client/modules/cases.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Hex } from '../../ui/text.tsx';
import type { CaseLabels } from './case-labels.ts';

function useDetails(labels: CaseLabels): (e: TimelineEntry) => string {
  const { t, tOr } = useI18n();
  return ({ action, details: d }) => {
    switch (action) {
      case 'opened':
        return labels.step(d.step ?? '');
      case 'invited':
        return `${labels.org(d.oin ?? '')} (${labels.role(d.role ?? '')})`;
      case 'attested':
        return labels.attestation(d.attestation ?? '');
      case 'field_set':
        return `${labels.field(d.field ?? '')}: ${labels.value(d.field ?? '', d.value ?? '')}`;
      case 'advanced':
        return `${labels.step(d.from ?? '')} → ${labels.step(d.to ?? '')}`;
      case 'disputed': {
        const [kind, org] = (d.item ?? '').split('@');
        const item =
          d.target === 'field'
            ? t('c.itemField', { field: labels.field(d.item ?? '') })
            : t('c.itemAttestation', { kind: labels.attestation(kind ?? ''), org: labels.org(org ?? '') });
        return `${d.dispute}: ${item}, ${tOr(`disputeReason.${d.reason}`, d.reason ?? '')}`;
      }
      case 'dispute_answered':
        return `${d.dispute}: ${tOr(`disputeState.${d.resolution}`, d.resolution ?? '')}`;
      case 'document_attached':
        return labels.documentKind(d.kind ?? '');
      case 'erased':
        return tOr(`erasureReason.${d.reason}`, d.reason ?? '');
      default:
        return Object.entries(d)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ');
    }
  };
}

export function CaseTimeline({ entries, labels }: { entries: TimelineEntry[]; labels: CaseLabels }) {
  const { t, fmt } = useI18n();
  const details = useDetails(labels);
  return (
    <DataTable
      caption={t('c.timeline')}
      hideCaption
      testId="case-timeline"
      rows={entries}
      rowKey={(e) => String(e.seq)}
      columns={[
        { header: t('c.when'), cell: (e) => fmt.dateTime(e.at) },
        {
          header: t('c.block'),
          numeric: true,
          cell: (e) => <Link to={`/verkenner/blokken/${e.height}`}>{e.height}</Link>,
        },
        { header: t('c.who'), cell: (e) => labels.org(e.by) },
        { header: t('c.what'), cell: (e) => labels.action(e.action) },
        { header: t('c.details'), cell: details },
        {
          header: t('c.tx'),
          cell: (e) => (
            <Link to={`/verkenner/transacties/${e.txHash}`}>
              <Hex value={e.txHash} chars={8} />
            </Link>
          ),
        },
      ]}
    />
  );
}
