// Says whether a case view follows the events stream, so a civil servant knows it is current.
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusBadge } from '../../ui/badge.tsx';

export function LiveStatus({ live }: { live: boolean }) {
  const { t } = useI18n();
  return (
    <p className="utrecht-paragraph" data-testid="live-status" data-live={live}>
      <StatusBadge tone={live ? 'success' : 'neutral'}>{live ? t('c.live') : t('c.notLive')}</StatusBadge>
    </p>
  );
}
