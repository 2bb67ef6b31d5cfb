import { useLedgerChanges } from '../../api/ledger-changes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { identitiesChanged, select, selectedFor, useIdentities } from '../../identity/identity-store.ts';
import type { WalletKey } from '../../identity/resident-wallet.ts';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { CareBudgets } from './care-budget.tsx';
import { ClaimVoucher } from './claim-voucher.tsx';
import { EligibilityRequest } from './eligibility-request.tsx';
import { PaymentRequests } from './payment-requests.tsx';
import { ReimbursementForm } from './reimbursement-form.tsx';
import { ReserveOffer } from './reserve-offer.tsx';
import { VoucherCards } from './voucher-cards.tsx';
import { WalletKeys } from './wallet-keys.tsx';

export function WalletPage() {
  const { t } = useI18n();
  const { wallet } = useIdentities();
  const active = wallet.find((k) => k.publicKey === selectedFor('wallet')) ?? wallet[0];
  return (
    <>
      <Heading level={1}>{t('w.title')}</Heading>
      <Paragraph lead>{t('w.intro')}</Paragraph>
      <WalletKeys
        keys={wallet}
        active={active}
        onSelect={(k) => select('wallet', k.publicKey)}
        onChange={identitiesChanged}
      />
      {active && <WalletContents key={active.publicKey} walletKey={active} />}
    </>
  );
}

function WalletContents({ walletKey }: { walletKey: WalletKey }) {
  // Reload whenever a tx that concerns this key is committed (a payment request, a refund...).
  const version = useLedgerChanges(walletKey.publicKey);
  return (
    <>
      <PaymentRequests walletKey={walletKey} version={version} />
      <VoucherCards walletKey={walletKey} version={version} />
      <CareBudgets walletKey={walletKey} version={version} />
      <ReserveOffer walletKey={walletKey} version={version} />
      <ClaimVoucher walletKey={walletKey} />
      <EligibilityRequest walletKey={walletKey} version={version} />
      <ReimbursementForm walletKey={walletKey} version={version} />
    </>
  );
}
