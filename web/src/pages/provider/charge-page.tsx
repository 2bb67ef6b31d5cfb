// The cashier's screen: find the pass (scan or type), choose an offer or an amount, send a payment
// request, and watch it being confirmed in the resident's app. Every payment check runs when the
// request is made, so a refusal (expired pass, not enough balance, wrong category...) shows here
// at once, in plain Dutch. A subsidy offer shows both parts of its price; a product voucher is
// redeemed instead of charged.
import { useEffect, useState } from 'react';
import {
  budgets,
  eurosToCents,
  type FundView,
  newId,
  type Offer,
  type Payment,
  type PaymentRequestView,
  type Voucher,
} from '../../api/budgets.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { Link } from '../../lib/router.tsx';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button, ButtonGroup } from '../../ui/button.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { Section } from '../../ui/section.tsx';
import { Paragraph } from '../../ui/text.tsx';
import { StateBadge, useCategoryLabel } from '../shared/states.tsx';
import { QrScanner, voucherIdFromQr } from './qr-scanner.tsx';
import { RedeemProductVoucher } from './redeem-product-voucher.tsx';
import { SubsidyParts } from './subsidy-parts.tsx';

export function ChargePage({ org }: { org: OrgIdentity }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const lookup = useAction(async (voucherId: string) => {
    const voucher = await budgets.voucher(voucherId);
    const fund = await budgets.fund(voucher.fundId);
    return { voucher, fund };
  });
  const find = (raw: string) => {
    const id = voucherIdFromQr(raw);
    setCode(id);
    if (id) void lookup.run(id);
  };
  return (
    <Section title={t('pv.charge.title')}>
      <Paragraph>{t('pv.charge.intro')}</Paragraph>
      <form
        className="kb-search"
        onSubmit={(e) => {
          e.preventDefault();
          find(code);
        }}
      >
        <TextField
          label={t('pv.charge.code')}
          description={t('pv.charge.codeHint')}
          value={code}
          onChange={setCode}
          name="voucherCode"
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="submit" appearance="primary" busy={lookup.busy}>
          {t('pv.charge.lookup')}
        </Button>
      </form>
      <QrScanner onCode={find} />
      <ErrorAlert error={lookup.error} testId="lookup-error" />
      {lookup.result?.voucher.kind === 'product' && (
        <RedeemProductVoucher
          key={lookup.result.voucher.id}
          org={org}
          voucher={lookup.result.voucher}
          fund={lookup.result.fund}
        />
      )}
      {lookup.result?.voucher.kind === 'budget' && (
        <ChargeForm
          key={lookup.result.voucher.id}
          org={org}
          voucher={lookup.result.voucher}
          fund={lookup.result.fund}
        />
      )}
    </Section>
  );
}

function ChargeForm({ org, voucher, fund }: { org: OrgIdentity; voucher: Voucher; fund: FundView }) {
  const { t, fmt } = useI18n();
  const category = useCategoryLabel();
  const offers = useLoad(
    () => budgets.offers({ fundId: fund.id, provider: org.oin, state: 'approved' }),
    [fund.id, org.oin],
  );
  const mine = useLoad(() => budgets.funds({ provider: org.oin }), [org.oin]);
  const accepted = mine.data?.find((f) => f.id === fund.id)?.application;
  const categories = accepted?.categories ?? fund.categories;
  const [choice, setChoice] = useState('free');
  const [amount, setAmount] = useState('');
  const [cat, setCat] = useState('');
  const [amountError, setAmountError] = useState<string>();
  const chosenCategory = cat || categories[0] || '';
  const chosenOffer = (offers.data ?? []).find((o) => o.id === choice);

  const request = useAction(async () => {
    const requestId = newId('verzoek');
    const body =
      choice === 'free'
        ? { requestId, voucherId: voucher.id, amountCents: eurosToCents(amount), category: chosenCategory }
        : { requestId, voucherId: voucher.id, offerId: choice };
    await budgets.send(orgSigner(org.oin), 'request_payment', body);
    return requestId;
  });

  return (
    <>
      <DataList
        testId="charge-voucher"
        items={[
          [t('common.fund'), fund.name],
          [
            t('pv.charge.code'),
            <span key="c" className="kb-mono">
              {voucher.id}
            </span>,
          ],
          [t('common.status'), <StateBadge key="s" kind="voucherState" state={voucher.state} />],
          [t('pv.charge.validUntil'), fmt.date(voucher.expiresAt)],
        ]}
      />
      {request.result ? (
        <RequestStatus requestId={request.result} org={org} offer={chosenOffer} onNew={request.reset} />
      ) : (
        <form
          className="kb-form"
          data-testid="charge-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice === 'free' && !eurosToCents(amount)) {
              setAmountError(t('sp.f.badAmount'));
              return;
            }
            setAmountError(undefined);
            void request.run();
          }}
        >
          <SelectField
            label={t('pv.charge.what')}
            value={choice}
            onChange={setChoice}
            name="offer"
            options={[
              { value: 'free', label: t('pv.charge.freeAmount') },
              ...(offers.data ?? []).map((o) => ({
                value: o.id,
                label: `${o.title} (${fmt.money(o.sponsorPartCents ?? o.priceCents)})`,
              })),
            ]}
          />
          {chosenOffer?.paymentType === 'subsidy' && (
            <SubsidyParts
              testId="charge-parts"
              sponsorPartCents={chosenOffer.sponsorPartCents}
              residentPartCents={chosenOffer.residentPartCents}
            />
          )}
          {choice === 'free' && (
            <div className="kb-grid-2">
              <TextField
                label={t('pv.charge.amount')}
                inputMode="decimal"
                value={amount}
                onChange={setAmount}
                error={amountError}
                name="amount"
              />
              <SelectField
                label={t('common.category')}
                value={chosenCategory}
                onChange={setCat}
                name="category"
                options={categories.map((c) => ({ value: c, label: category(c) }))}
              />
            </div>
          )}
          <Button type="submit" appearance="primary" busy={request.busy}>
            {t('pv.charge.submit')}
          </Button>
          <ErrorAlert error={request.error} testId="charge-error" />
        </form>
      )}
    </>
  );
}

function RequestStatus({
  requestId,
  org,
  offer,
  onNew,
}: {
  requestId: string;
  org: OrgIdentity;
  offer: Offer | undefined;
  onNew(): void;
}) {
  const { t, fmt } = useI18n();
  const [req, setReq] = useState<PaymentRequestView>();
  const [payment, setPayment] = useState<Payment>();
  const txHash = payment?.txHash;
  const cancel = useAction(() => budgets.send(orgSigner(org.oin), 'decline_payment_request', { requestId }));
  useEffect(() => {
    let live = true;
    const poll = async () => {
      const r = await budgets.paymentRequest(requestId).catch(() => undefined);
      if (!live || !r) return;
      setReq(r);
      if (r.effectiveState === 'confirmed' && r.paymentId) {
        const p = await budgets.payments({ voucherId: r.voucherId }).catch(() => []);
        setPayment(p.find((x) => x.id === r.paymentId));
      }
    };
    void poll();
    const timer = setInterval(() => {
      if (req?.effectiveState && req.effectiveState !== 'pending') return;
      void poll();
    }, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [requestId, req?.effectiveState]);
  const state = req?.effectiveState ?? 'pending';
  const amount = fmt.money(req?.amountCents);
  return (
    <div data-testid="payment-request-status" data-state={state}>
      {state === 'pending' && (
        <Alert type="info">
          {t('pv.charge.waiting', { amount })}
          {offer?.paymentType === 'subsidy' && (
            <> {t('pv.charge.collectRest', { amount: fmt.money(offer.residentPartCents) })}</>
          )}
        </Alert>
      )}
      {state === 'confirmed' && (
        <Alert type="ok" testId="charge-paid">
          <p className="utrecht-paragraph">{t('pv.charge.paid', { amount })}</p>
          {payment?.kind === 'subsidy' && (
            <SubsidyParts
              testId="paid-parts"
              sponsorPartCents={payment.amountCents}
              residentPartCents={payment.residentPartCents}
            />
          )}
          {txHash && (
            <p className="utrecht-paragraph">
              <Link to={`/verkenner/transacties/${txHash}`}>{t('common.txLink')}</Link>
            </p>
          )}
        </Alert>
      )}
      {(state === 'declined' || state === 'canceled') && (
        <Alert type="warning">{t('pv.charge.declined')}</Alert>
      )}
      {state === 'expired' && <Alert type="warning">{t('pv.charge.expired')}</Alert>}
      <ButtonGroup>
        {state === 'pending' && (
          <Button busy={cancel.busy} onClick={() => cancel.run()}>
            {t('pv.charge.cancel')}
          </Button>
        )}
        {state !== 'pending' && (
          <Button appearance="primary" onClick={onNew}>
            {t('pv.charge.new')}
          </Button>
        )}
      </ButtonGroup>
      <ErrorAlert error={cancel.error} />
    </div>
  );
}
