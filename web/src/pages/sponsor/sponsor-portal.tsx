import { useI18n } from '../../i18n/i18n.tsx';
import { OrgGate } from '../../identity/org-gate.tsx';
import { match } from '../../lib/router.tsx';
import { Tabs } from '../../ui/tabs.tsx';
import { Heading } from '../../ui/text.tsx';
import { FundAdmin } from './fund-admin.tsx';
import { FundList } from './fund-list.tsx';
import { SettlementsPage } from './settlements-page.tsx';

export function SponsorPortal({ path }: { path: string }) {
  const { t } = useI18n();
  const fund = match('/gemeente/regelingen/:id', path);
  const tab = path.startsWith('/gemeente/afrekeningen') ? '/gemeente/afrekeningen' : '/gemeente';
  return (
    <>
      <Heading level={1}>{t('sp.title')}</Heading>
      <OrgGate portal="sponsor" requiredRole="sponsor">
        {(org) => (
          <>
            <Tabs
              label={t('sp.title')}
              current={tab}
              items={[
                { to: '/gemeente', text: t('sp.tab.funds') },
                { to: '/gemeente/afrekeningen', text: t('sp.tab.settlements') },
              ]}
            />
            {fund ? (
              <FundAdmin org={org} fundId={fund.id!} />
            ) : tab === '/gemeente/afrekeningen' ? (
              <SettlementsPage org={org} />
            ) : (
              <FundList org={org} />
            )}
          </>
        )}
      </OrgGate>
    </>
  );
}
