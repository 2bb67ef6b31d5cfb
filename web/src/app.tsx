// The page frame (header, menu, language switch, footer) and the route table.
import type { ReactNode } from 'react';
import { useI18n } from './i18n/i18n.tsx';
import type { MessageKey } from './i18n/messages.ts';
import { Link, match, useLocation } from './lib/router.tsx';
import { CasePage } from './pages/cases/case-page.tsx';
import { CasesPage } from './pages/cases/cases-page.tsx';
import { NewCasePage } from './pages/cases/new-case-page.tsx';
import { AccountPage } from './pages/explorer/account-page.tsx';
import { BlockPage } from './pages/explorer/block-page.tsx';
import { ExplorerHome } from './pages/explorer/explorer-home.tsx';
import { OrganisationsPage } from './pages/explorer/organisations-page.tsx';
import { ProposalsPage } from './pages/explorer/proposals-page.tsx';
import { TxPage } from './pages/explorer/tx-page.tsx';
import { VerifyPage } from './pages/explorer/verify-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { ProviderPortal } from './pages/provider/provider-portal.tsx';
import { RegistersPage } from './pages/registers/registers-page.tsx';
import { SponsorPortal } from './pages/sponsor/sponsor-portal.tsx';
import { ElectionPage } from './pages/votes/election-page.tsx';
import { NewElectionPage } from './pages/votes/new-election.tsx';
import { RegistrarDesk } from './pages/votes/registrar-desk.tsx';
import { VotesPage } from './pages/votes/votes-page.tsx';
import { WalletPage } from './pages/wallet/wallet-page.tsx';
import { Alert } from './ui/alert.tsx';
import { Heading } from './ui/text.tsx';

type Route = [pattern: string, render: (p: Record<string, string>, path: string) => ReactNode];

const ROUTES: Route[] = [
  ['/', () => <HomePage />],
  ['/verkenner', () => <ExplorerHome />],
  ['/verkenner/transacties/:hash', (p) => <TxPage hash={p.hash!} />],
  ['/verkenner/blokken/:height', (p) => <BlockPage height={Number(p.height)} />],
  ['/verkenner/accounts/:id', (p) => <AccountPage id={p.id!} />],
  ['/verkenner/organisaties', () => <OrganisationsPage />],
  ['/verkenner/voorstellen', () => <ProposalsPage />],
  ['/verkenner/controleren', () => <VerifyPage />],
  ['/gemeente', (_, path) => <SponsorPortal path={path} />],
  ['/gemeente/afrekeningen', (_, path) => <SponsorPortal path={path} />],
  ['/gemeente/regelingen/:id', (_, path) => <SponsorPortal path={path} />],
  ['/aanbieder', (_, path) => <ProviderPortal path={path} />],
  ['/aanbieder/:tab', (_, path) => <ProviderPortal path={path} />],
  ['/portemonnee', () => <WalletPage />],
  ['/registers', () => <RegistersPage />],
  ['/stemmen', () => <VotesPage />],
  ['/stemmen/nieuw', () => <NewElectionPage />],
  ['/stemmen/:id', (p) => <ElectionPage id={p.id!} />],
  ['/stemmen/:id/balie', (p) => <RegistrarDesk id={p.id!} />],
  ['/zaken', () => <CasesPage />],
  // Before '/zaken/:id', which would otherwise take "nieuw" for a case id.
  ['/zaken/nieuw', () => <NewCasePage />],
  ['/zaken/:id', (p) => <CasePage id={p.id!} />],
];

const NAV: Array<[to: string, label: MessageKey]> = [
  ['/', 'nav.home'],
  ['/verkenner', 'nav.explorer'],
  ['/gemeente', 'nav.sponsor'],
  ['/aanbieder', 'nav.provider'],
  ['/portemonnee', 'nav.wallet'],
  ['/registers', 'nav.registers'],
  ['/stemmen', 'nav.votes'],
  ['/zaken', 'nav.cases'],
];

function resolve(path: string): ReactNode {
  for (const [pattern, render] of ROUTES) {
    const params = match(pattern, path);
    if (params) return render(params, path);
  }
  return null;
}

function isCurrent(to: string, path: string): boolean {
  return to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`);
}

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <nav className="utrecht-alternate-lang-nav kb-lang" aria-label={t('app.language')}>
      {(['nl', 'en'] as const).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="utrecht-button utrecht-button--subtle kb-lang__button"
          aria-pressed={lang === l}
          onClick={() => setLang(l)}
        >
          {l === 'nl' ? 'Nederlands' : 'English'}
        </button>
      ))}
    </nav>
  );
}

export function App() {
  const { t } = useI18n();
  const { path } = useLocation();
  const page = resolve(path);
  return (
    <div className="utrecht-page kb-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {t('app.skip')}
      </a>
      <header className="utrecht-page-header kb-header">
        <div className="utrecht-page-header__content kb-header__content">
          <Link to="/" className="kb-logo">
            <span className="kb-logo__mark" aria-hidden="true" />
            <span>
              <span className="kb-logo__name">{t('app.name')}</span>
              <span className="kb-logo__tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <nav className="utrecht-nav-bar kb-nav" aria-label={t('app.mainNav')}>
        <div className="utrecht-nav-bar__content">
          <ul className="utrecht-nav-list">
            {NAV.map(([to, label]) => (
              <li key={to} className="utrecht-nav-list__item">
                <Link to={to} className="utrecht-nav-list__link kb-nav__link" current={isCurrent(to, path)}>
                  {t(label)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      <div className="kb-demo-banner" role="note">
        {t('app.demoBanner')}
      </div>
      <main className="utrecht-page-body kb-main" id="main" tabIndex={-1}>
        <div className="utrecht-page-body__content kb-main__content">
          {page ?? (
            <>
              <Heading level={1}>404</Heading>
              <Alert type="warning">{t('app.notFound')}</Alert>
            </>
          )}
        </div>
      </main>
      <footer className="utrecht-page-footer kb-footer">
        <div className="utrecht-page-footer__content">
          <p className="utrecht-paragraph">{t('app.footer.about')}</p>
          <p className="utrecht-paragraph">
            <a className="utrecht-link utrecht-link--html-a kb-footer__link" href="/v1/openapi.json">
              {t('app.footer.api')}
            </a>
          </p>
        </div>
      </footer>
    </div>
  );
}
