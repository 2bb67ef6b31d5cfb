// The two parts of a subsidy price, shown before and after charging: what the municipality pays
// from the scheme (on the ledger) and what the resident pays at the counter (recorded with it).
import { useI18n } from '../../i18n/i18n.tsx';
import { DataList } from '../../ui/data-list.tsx';

export function SubsidyParts({
  sponsorPartCents,
  residentPartCents,
  testId,
}: {
  sponsorPartCents: string | undefined;
  residentPartCents: string | undefined;
  testId: string;
}) {
  const { t, fmt } = useI18n();
  return (
    <DataList
      testId={testId}
      items={[
        [
          t('pv.offer.sponsorPart'),
          <span key="s" data-testid={`${testId}-sponsor`}>
            {fmt.money(sponsorPartCents)}
          </span>,
        ],
        [
          t('pv.charge.atCounter'),
          <span key="r" data-testid={`${testId}-resident`}>
            {fmt.money(residentPartCents ?? '0')}
          </span>,
        ],
      ]}
    />
  );
}
