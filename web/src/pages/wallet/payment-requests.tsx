// Payment requests from a cashier wait here for the resident: nothing is paid until they confirm
// with their own key.
import { budgets, newId, type PaymentRequestView } from '../../api/budgets.ts';
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
