import { useI18n } from '../../i18n/i18n.tsx';
import { OrgGate } from '../../identity/org-gate.tsx';
import { Tabs } from '../../ui/tabs.tsx';
import { Heading } from '../../ui/text.tsx';
import { ChargePage } from './charge-page.tsx';
import { ProviderCare } from './provider-care.tsx';
import { ProviderEarnings } from './provider-earnings.tsx';
import { ProviderFunds } from './provider-funds.tsx';
import { ProviderOffers } from './provider-offers.tsx';

export function ProviderPortal({ path }: { path: string }) {
  const { t } = useI18n();
  const tabs = [
    { to: '/aanbieder', text: t('pv.tab.charge') },
    { to: '/aanbieder/regelingen', text: t('pv.tab.funds') },
    { to: '/aanbieder/aanbod', text: t('pv.tab.offers') },
    { to: '/aanbieder/opbrengsten', text: t('pv.tab.earnings') },
    { to: '/aanbieder/zorg', text: t('pv.tab.care') },
  ];
  const current = tabs.find((x) => x.to === path)?.to ?? '/aanbieder';
  return (
    <>
      <Heading level={1}>{t('pv.title')}</Heading>
      <OrgGate portal="provider" requiredRole="provider">
        {(org) => (
          <>
            <Tabs label={t('pv.title')} items={tabs} current={current} />
            {current === '/aanbieder' && <ChargePage org={org} />}
            {current === '/aanbieder/regelingen' && <ProviderFunds org={org} />}
            {current === '/aanbieder/aanbod' && <ProviderOffers org={org} />}
            {current === '/aanbieder/opbrengsten' && <ProviderEarnings org={org} />}
            {current === '/aanbieder/zorg' && <ProviderCare org={org} />}
          </>
        )}
      </OrgGate>
    </>
  );
}
