import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { Link } from '../lib/router.tsx';
import { Section } from '../ui/section.tsx';
import { Heading, Paragraph } from '../ui/text.tsx';

const TASKS: Array<{ to: string; title: MessageKey; text: MessageKey }> = [
  { to: '/verkenner', title: 'nav.explorer', text: 'home.explorer' },
  { to: '/gemeente', title: 'nav.sponsor', text: 'home.sponsor' },
  { to: '/aanbieder', title: 'nav.provider', text: 'home.provider' },
  { to: '/portemonnee', title: 'nav.wallet', text: 'home.wallet' },
  { to: '/registers', title: 'nav.registers', text: 'home.registers' },
  { to: '/stemmen', title: 'nav.votes', text: 'home.votes' },
  { to: '/zaken', title: 'nav.cases', text: 'home.cases' },
];

export function HomePage() {
  const { t } = useI18n();
  return (
    <>
      <Heading level={1}>{t('home.title')}</Heading>
      <Paragraph lead>{t('home.intro')}</Paragraph>
      <ul className="kb-tasks">
        {TASKS.map((task) => (
          <li key={task.to} className="kb-task">
            <Link to={task.to} className="utrecht-link utrecht-link--html-a kb-task__link">
              {t(task.title)}
            </Link>
            <p className="utrecht-paragraph">{t(task.text)}</p>
          </li>
        ))}
      </ul>
      <Section title={t('home.demoRoles')}>
        <Paragraph>{t('home.demoRolesText')}</Paragraph>
      </Section>
    </>
  );
}
