// What a case holds now: the statements given, the data recorded, the disputes (open and answered)
// and the references of documents kept off the ledger. Ids, codes and hashes only.
import type { CaseView } from '../../../../src/client/modules/cases.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusBadge } from '../../ui/badge.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Hex } from '../../ui/text.tsx';
import type { CaseLabels } from './case-labels.ts';

export function CaseRecords({ c, labels }: { c: CaseView; labels: CaseLabels }) {
  const { t, tOr, fmt } = useI18n();
  return (
    <>
      <DataTable
        caption={t('c.allDisputes')}
        testId="case-disputes"
        rows={c.disputes}
        rowKey={(d) => d.id}
        columns={[
          { header: '#', cell: (d) => d.id },
          {
            header: t('c.item'),
            cell: (d) =>
              d.target.kind === 'field'
                ? t('c.itemField', { field: labels.field(d.target.field) })
                : t('c.itemAttestation', {
                    kind: labels.attestation(d.target.attestation),
                    org: labels.org(d.target.oin),
                  }),
          },
          { header: t('c.reasonCol'), cell: (d) => tOr(`disputeReason.${d.reason}`, d.reason) },
          { header: t('c.raisedBy'), cell: (d) => labels.org(d.raisedBy) },
          { header: t('c.owner'), cell: (d) => labels.org(d.owner) },
          {
            header: t('common.status'),
            cell: (d) => (
              <StatusBadge tone={d.status === 'open' ? 'warning' : 'success'}>
                {tOr(`disputeState.${d.status}`, d.status)}
              </StatusBadge>
            ),
          },
        ]}
      />
      <DataTable
        caption={t('c.attestations')}
        testId="case-attestations"
        rows={c.attestations}
        rowKey={(a) => `${a.kind}/${a.oin}`}
        columns={[
          { header: t('c.kind'), cell: (a) => labels.attestation(a.kind) },
          { header: t('c.by'), cell: (a) => labels.org(a.oin) },
          { header: t('c.evidence'), cell: (a) => <Hex value={a.evidence} /> },
          { header: t('c.when'), cell: (a) => fmt.dateTime(a.at) },
        ]}
      />
      <DataTable
        caption={t('c.fields')}
        testId="case-fields"
        rows={c.fields}
        rowKey={(f) => f.name}
        columns={[
          { header: t('ca.field.name'), cell: (f) => labels.field(f.name) },
          { header: t('c.value'), cell: (f) => labels.value(f.name, f.value) },
          { header: t('c.by'), cell: (f) => labels.org(f.by) },
          { header: t('c.when'), cell: (f) => fmt.dateTime(f.at) },
        ]}
      />
      <DataTable
        caption={t('c.documents')}
        testId="case-documents"
        rows={c.documents}
        rowKey={(d) => d.hash}
        columns={[
          { header: t('c.kind'), cell: (d) => labels.documentKind(d.kind) },
          { header: t('c.hash'), cell: (d) => <Hex value={d.hash} /> },
          { header: t('c.by'), cell: (d) => labels.org(d.owner) },
          { header: t('c.when'), cell: (d) => fmt.dateTime(d.at) },
        ]}
      />
    </>
  );
}
