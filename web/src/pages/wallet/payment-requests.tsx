// Payment requests from a cashier wait here for the resident: nothing is paid until they confirm
// with their own key.
import { budgets, newId, type Offer, type PaymentRequestView } from '../../api/budgets.ts';
import { client } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type WalletKey, walletSigner } from '../../identity/resident-wallet.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button, ButtonGroup } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Section } from '../../ui/section.tsx';

export function PaymentRequests({ walletKey, version }: { walletKey: WalletKey; version: number }) {
  const { t, fmt } = useI18n();
  const dir = useDirectory();
  const pending = useLoad(
    () => budgets.paymentRequests(walletKey.publicKey, 'pending'),
    [walletKey.publicKey, version],
  );
  const answer = useAction(async (r: PaymentRequestView, confirm: boolean) => {
    const signer = walletSigner(walletKey);
    if (confirm)
      await budgets.send(signer, 'confirm_payment_request', {
        requestId: r.id,
        paymentId: newId('betaling'),
      });
    else await budgets.send(signer, 'decline_payment_request', { requestId: r.id });
    pending.reload();
    return confirm;
  });
  const list = pending.data ?? [];
  // A subsidy offer is only partly paid from the pass: say what the resident pays at the counter.
  const offerIds = [...new Set(list.flatMap((r) => (r.offerId ? [r.offerId] : [])))];
  const offers = useLoad(
    async () =>
      new Map((await Promise.all(offerIds.map((id) => client.budgets.offer(id)))).map((o) => [o.id, o])),
    [offerIds.join(',')],
  );
  if (list.length === 0 && !answer.result && !answer.error) return null;
  return (
    <Section title={t('w.requests')}>
      {list.map((r) => (
        <div className="kb-card kb-card--accent" key={r.id} data-testid="payment-request">
          <p className="utrecht-paragraph">
            <strong>
              {t('w.request.text', {
                provider: dir.byOin.get(r.provider)?.name ?? r.provider,
                amount: fmt.money(r.amountCents),
                voucher: r.voucherId,
              })}
            </strong>
          </p>
          <SubsidyNote offer={r.offerId ? offers.data?.get(r.offerId) : undefined} />
          <ButtonGroup>
            <Button appearance="primary" busy={answer.busy} onClick={() => answer.run(r, true)}>
              {t('w.request.confirm')}
            </Button>
            <Button busy={answer.busy} onClick={() => answer.run(r, false)}>
              {t('w.request.decline')}
            </Button>
          </ButtonGroup>
        </div>
      ))}
      {answer.result === true && (
        <Alert type="ok" testId="payment-confirmed">
          {t('w.request.paid')}
        </Alert>
      )}
      <ErrorAlert error={answer.error} />
    </Section>
  );
}

function SubsidyNote({ offer }: { offer: Offer | undefined }) {
  const { t, fmt } = useI18n();
  if (offer?.paymentType !== 'subsidy') return null;
  return (
    <p className="utrecht-paragraph" data-testid="payment-request-subsidy">
      {t('w.request.subsidy', {
        title: offer.title,
        sponsor: fmt.money(offer.sponsorPartCents),
        resident: fmt.money(offer.residentPartCents),
      })}
    </p>
  );
}
