// What a verified record says, in words; shown only after its proof passed in the browser.
import type { RegistryRecordView } from '../../../../src/client/modules/registry.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { StateBadge } from '../shared/states.tsx';

export function RecordFacts({
  record: r,
  status,
  statusDate,
}: {
  record: RegistryRecordView;
  status: string;
  statusDate: string;
}) {
  const { t, fmt } = useI18n();
  const dir = useDirectory();
  const holder =
    r.holder.kind === 'organisation'
      ? (dir.byOin.get(r.holder.oin)?.name ?? r.holder.oin)
      : t('reg.holderKey');
  return (
    <DataList
      testId="record-facts"
      items={[
        [
          t('reg.id'),
          <span key="i" className="kb-mono">
            {r.id}
          </span>,
        ],
        [
          t('reg.status', { date: statusDate }),
          <span key="s" data-testid="record-status">
            <StateBadge kind="recState" state={status} />
          </span>,
        ],
        [t('reg.class'), r.classId],
        [t('reg.issuer'), dir.byOin.get(r.issuer)?.name ?? r.issuer],
        [t('reg.holder'), holder],
        [
          t('reg.validity'),
          r.validUntil
            ? t('reg.validRange', { from: fmt.date(r.validFrom), to: fmt.date(r.validUntil) })
            : t('reg.validFrom', { from: fmt.date(r.validFrom) }),
        ],
        [
          t('reg.attributes'),
          <ul key="a" className="kb-inline-list">
            {Object.entries(r.attributes).map(([k, v]) => (
              <li key={k}>
                {k}: <strong>{v}</strong>
              </li>
            ))}
          </ul>,
        ],
        r.encumbrances.length > 0 && [
          t('reg.encumbrances'),
          r.encumbrances
            .map((e) => `${e.kind} (${dir.byOin.get(e.creditor)?.name ?? e.creditor})`)
            .join(', '),
        ],
      ]}
    />
  );
}
