// Earmarked budgets: funds and their providers, offers, eligibility requests, vouchers, payments
// and payment requests, reimbursements, care budgets, settlement batches with their SEPA file,
// and reports with CSV export for bookkeeping. Writes are signed budgets.* txs through
// POST /v1/transactions (see TxBody.budgets.* in this document).
import type { Context } from 'hono';
import { z } from 'zod';
import { dateSchema, idSchema, oinSchema, pubKeySchema } from '../../core/schemas.ts';
import type { LedgerNode } from '../../engines/ledger-node.ts';
import { BudgetErrors as E } from '../../modules/budgets/errors.ts';
import { euro } from '../../modules/budgets/money.ts';
import {
  applicationsOfProvider,
  careBudgetsOf,
  careBudgetView,
  careStatement,
  contractsOfProvider,
  declarationsOfContract,
  fundProviders,
  fundReport,
  fundView,
  listFunds,
  listOffers,
  listPayments,
  listReimbursements,
  listRequests,
  listSettlements,
  listVouchers,
  paymentRequestsOf,
  paymentRequestView,
  voucherMovements,
} from '../../modules/budgets/queries.ts';
import { GROUP_BY, journalOf, movementsCsv, reportCsv, toCsv } from '../../modules/budgets/reports.ts';
import { monthSchema } from '../../modules/budgets/schemas.ts';
import { sepaCreditTransferXml } from '../../modules/budgets/sepa.ts';
import {
  getApplication,
  getBank,
  getContract,
  getDeclaration,
  getOffer,
  getPayment,
  getReimbursement,
  getRequest,
  getSettlement,
  getVoucher,
} from '../../modules/budgets/state.ts';
import { ApiErrors } from '../api-errors.ts';
import { ApiProblem } from '../problem.ts';
import { type ApiModule, defineRoute } from '../route.ts';
import {
  applicationSchema,
  bankAccountSchema,
  careBudgetSchema,
  careContractSchema,
  careDeclarationSchema,
  careStatementSchema,
  eligibilityRequestSchema,
  fundSchema,
  listOf,
  movementSchema,
  offerSchema,
  paymentRequestSchema,
  paymentSchema,
  reimbursementSchema,
  reportSchema,
  settlementSchema,
  voucherSchema,
} from './budgets-schemas.ts';

const TAGS = {
  funds: 'Funds',
  offers: 'Offers',
  vouchers: 'Vouchers',
  payments: 'Payments',
  reimbursements: 'Reimbursements',
  care: 'Care budgets',
  settlements: 'Settlements',
};

const kv = (node: LedgerNode) => node.app.committed;
const now = (node: LedgerNode) =>
  node.app.store.block(node.app.lastHeight)?.header.time ?? node.app.genesis()?.genesisTime ?? '';
const list = <T>(c: Context, items: T[]) => c.json({ items, next: null });

function found<T>(
  value: T | undefined,
  definition: { code: string; httpStatus: number; title: string },
  detail: string,
): T {
  if (value === undefined) throw new ApiProblem(definition, detail);
  return value;
}

function csv(c: Context, body: string, filename: string): Response {
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
  });
}

const formatQuery = z
  .enum(['json', 'csv'], 'must be "json" or "csv"')
  .default('json')
  .describe('"csv" answers text/csv for bookkeeping');
const periodQuery = {
  from: dateSchema.optional().describe('First day of the period (inclusive, UTC)'),
  to: dateSchema.optional().describe('Last day of the period (inclusive, UTC)'),
};
const fundParams = z.object({ id: idSchema });

const ROUTES = [
  // ---- funds ---------------------------------------------------------------------------------
  defineRoute({
    method: 'get',
    path: '/funds',
    operationId: 'listFunds',
    summary:
      'Funds with their totals; with provider, the funds that provider applied to (with its application)',
    tags: [TAGS.funds],
    query: z.object({
      sponsor: oinSchema.optional().describe('Only funds of this sponsor'),
      provider: oinSchema.optional().describe('Only funds this provider applied to'),
      state: z.enum(['waiting', 'active', 'paused', 'closed']).optional(),
    }),
    responses: {
      200: {
        description: 'Every matching fund',
        schema: listOf(fundSchema.extend({ application: applicationSchema.optional() })),
      },
    },
    handle({ c, node, query }) {
      if (query.provider !== undefined) {
        const items = applicationsOfProvider(kv(node), query.provider)
          .map(({ fund, ...application }) => ({ ...fundView(kv(node), fund.id)!, application }))
          .filter(
            (f) =>
              (query.sponsor === undefined || f.sponsor === query.sponsor) &&
              (query.state === undefined || f.state === query.state),
          );
        return list(c, items);
      }
      return list(c, listFunds(kv(node), { sponsor: query.sponsor, state: query.state }));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/funds/{id}',
    operationId: 'getFund',
    summary: 'One fund: categories, dates, amounts, limits, switches, criteria and where its money is',
    tags: [TAGS.funds],
    params: fundParams,
    responses: { 200: { description: 'The fund', schema: fundSchema }, 404: { description: 'No such fund' } },
    handle({ c, node, params }) {
      return c.json(found(fundView(kv(node), params.id), E.unknown_fund, `There is no fund "${params.id}".`));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/funds/{id}/providers',
    operationId: 'listFundProviders',
    summary: 'Providers that applied to the fund, with the sponsor’s decision and accepted categories',
    tags: [TAGS.funds],
    params: fundParams,
    query: z.object({ state: z.enum(['pending', 'accepted', 'rejected']).optional() }),
    responses: {
      200: { description: 'The applications', schema: listOf(applicationSchema) },
      404: { description: 'No such fund' },
    },
    handle({ c, node, params, query }) {
      found(fundView(kv(node), params.id), E.unknown_fund, `There is no fund "${params.id}".`);
      return list(c, fundProviders(kv(node), params.id, query.state));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/funds/{id}/providers/{oin}',
    operationId: 'getFundProvider',
    summary: 'One provider’s application to the fund',
    tags: [TAGS.funds],
    params: z.object({ id: idSchema, oin: oinSchema }),
    responses: {
      200: { description: 'The application', schema: applicationSchema },
      404: { description: 'Not applied' },
    },
    handle({ c, node, params }) {
      return c.json(
        found(
          getApplication(kv(node), params.id, params.oin),
          E.unknown_application,
          `Provider ${params.oin} has not applied to fund "${params.id}".`,
        ),
      );
    },
  }),
  defineRoute({
    method: 'get',
    path: '/funds/{id}/eligibility-requests',
    operationId: 'listEligibilityRequests',
    summary: 'Eligibility requests of the fund (decision, criteria checked and evidence hash only)',
    tags: [TAGS.funds],
    params: fundParams,
    query: z.object({ state: z.enum(['pending', 'approved', 'declined']).optional() }),
    responses: { 200: { description: 'The requests', schema: listOf(eligibilityRequestSchema) } },
    handle({ c, node, params, query }) {
      return list(c, listRequests(kv(node), { fundId: params.id, state: query.state }));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/eligibility-requests',
    operationId: 'listEligibilityRequestsOfRequester',
    summary: 'The eligibility requests a resident (key) submitted, with their decisions',
    tags: [TAGS.funds],
    query: z.object({
      requester: pubKeySchema.describe('Public key of the resident who asked'),
      state: z.enum(['pending', 'approved', 'declined']).optional(),
    }),
    responses: { 200: { description: 'The requests', schema: listOf(eligibilityRequestSchema) } },
    handle({ c, node, query }) {
      return list(c, listRequests(kv(node), { requester: query.requester, state: query.state }));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/funds/{id}/report',
    operationId: 'getFundReport',
    summary: 'Spending per category, provider, month or fund, for a period; CSV with format=csv',
    tags: [TAGS.funds],
    params: fundParams,
    query: z.object({ groupBy: z.enum(GROUP_BY).default('category'), ...periodQuery, format: formatQuery }),
    responses: {
      200: { description: 'The report (JSON; text/csv with format=csv)', schema: reportSchema },
      404: { description: 'No such fund' },
    },
    handle({ c, node, params, query }) {
      found(fundView(kv(node), params.id), E.unknown_fund, `There is no fund "${params.id}".`);
      const report = fundReport(kv(node), params.id, query.groupBy, { from: query.from, to: query.to });
      if (query.format === 'csv')
        return csv(c, reportCsv(report.rows, query.groupBy), `${params.id}-per-${query.groupBy}.csv`);
      return c.json(report);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/funds/{id}/movements',
    operationId: 'listFundMovements',
    summary: 'Every money movement of the fund in a period (the bookkeeping export); CSV with format=csv',
    tags: [TAGS.funds],
    params: fundParams,
    query: z.object({ ...periodQuery, format: formatQuery }),
    responses: {
      200: {
        description: 'The movements, oldest first (text/csv with format=csv)',
        schema: listOf(movementSchema),
      },
      404: { description: 'No such fund' },
    },
    handle({ c, node, params, query }) {
      found(fundView(kv(node), params.id), E.unknown_fund, `There is no fund "${params.id}".`);
      const movements = journalOf(kv(node), params.id, { from: query.from, to: query.to });
      if (query.format === 'csv') return csv(c, movementsCsv(movements), `${params.id}-boekingen.csv`);
      return list(c, movements);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/bank-accounts/{oin}',
    operationId: 'getBankAccount',
    summary: 'The bank account an organisation pays from or is paid on (organisations only; never residents)',
    tags: [TAGS.settlements],
    params: z.object({ oin: oinSchema }),
    responses: {
      200: { description: 'The account', schema: bankAccountSchema },
      404: { description: 'None registered' },
    },
    handle({ c, node, params }) {
      const a = getBank(kv(node), params.oin);
      if (!a)
        throw new ApiProblem(
          ApiErrors.not_found,
          `Organisation ${params.oin} has no bank account on the ledger.`,
        );
      return c.json(a);
    },
  }),
  // ---- offers --------------------------------------------------------------------------------
  defineRoute({
    method: 'get',
    path: '/offers',
    operationId: 'listOffers',
    summary: 'Offers of providers, by fund, provider, category or state',
    tags: [TAGS.offers],
    query: z.object({
      fundId: idSchema.optional(),
      provider: oinSchema.optional(),
      category: z.string().max(32).optional(),
      state: z.enum(['pending', 'approved', 'withdrawn']).optional(),
    }),
    responses: { 200: { description: 'The offers', schema: listOf(offerSchema) } },
    handle({ c, node, query }) {
      return list(c, listOffers(kv(node), query));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/offers/{id}',
    operationId: 'getOffer',
    summary: 'One offer with its price, payment type, stock and limits',
    tags: [TAGS.offers],
    params: z.object({ id: idSchema }),
    responses: {
      200: { description: 'The offer', schema: offerSchema },
      404: { description: 'No such offer' },
    },
    handle({ c, node, params }) {
      return c.json(
        found(getOffer(kv(node), params.id), E.unknown_offer, `There is no offer "${params.id}".`),
      );
    },
  }),
  // ---- eligibility and vouchers -------------------------------------------------------------
  defineRoute({
    method: 'get',
    path: '/eligibility-requests/{id}',
    operationId: 'getEligibilityRequest',
    summary: 'One eligibility request with the validator’s decision',
    tags: [TAGS.vouchers],
    params: z.object({ id: idSchema }),
    responses: {
      200: { description: 'The request', schema: eligibilityRequestSchema },
      404: { description: 'No such request' },
    },
    handle({ c, node, params }) {
      return c.json(
        found(
          getRequest(kv(node), params.id),
          E.unknown_request,
          `There is no eligibility request "${params.id}".`,
        ),
      );
    },
  }),
  defineRoute({
    method: 'get',
    path: '/vouchers',
    operationId: 'listVouchers',
    summary: 'Vouchers of a resident (holder) or of a fund',
    tags: [TAGS.vouchers],
    query: z.object({ holder: pubKeySchema.optional(), fundId: idSchema.optional() }),
    responses: { 200: { description: 'The vouchers', schema: listOf(voucherSchema) } },
    handle({ c, node, query }) {
      if (query.holder === undefined && query.fundId === undefined) {
        throw new ApiProblem(
          ApiErrors.invalid_request,
          'Give holder or fundId: the list of every voucher is not offered.',
          {
            invalidParams: [{ name: 'holder', reason: 'give holder or fundId' }],
          },
        );
      }
      return list(c, listVouchers(kv(node), query));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/vouchers/{id}',
    operationId: 'getVoucher',
    summary: 'One voucher: balance, state, expiry and who vouched for the holder',
    tags: [TAGS.vouchers],
    params: z.object({ id: idSchema }),
    responses: {
      200: { description: 'The voucher', schema: voucherSchema },
      404: { description: 'No such voucher' },
    },
    handle({ c, node, params }) {
      return c.json(
        found(getVoucher(kv(node), params.id), E.unknown_voucher, `There is no voucher "${params.id}".`),
      );
    },
  }),
  defineRoute({
    method: 'get',
    path: '/vouchers/{id}/movements',
    operationId: 'listVoucherMovements',
    summary: 'Every movement of money into and out of one voucher, oldest first',
    tags: [TAGS.vouchers],
    params: z.object({ id: idSchema }),
    responses: {
      200: { description: 'The movements', schema: listOf(movementSchema) },
      404: { description: 'No such voucher' },
    },
    handle({ c, node, params }) {
      found(getVoucher(kv(node), params.id), E.unknown_voucher, `There is no voucher "${params.id}".`);
      return list(c, voucherMovements(kv(node), params.id));
    },
  }),
  // ---- payments ------------------------------------------------------------------------------
  defineRoute({
    method: 'get',
    path: '/payments',
    operationId: 'listPayments',
    summary: 'Payments to providers, by voucher, provider, fund or settlement batch',
    tags: [TAGS.payments],
    query: z.object({
      voucherId: idSchema.optional(),
      provider: oinSchema.optional(),
      fundId: idSchema.optional(),
      settlementId: idSchema.optional(),
    }),
    responses: { 200: { description: 'The payments, oldest first', schema: listOf(paymentSchema) } },
    handle({ c, node, query }) {
      if (Object.values(query).every((v) => v === undefined)) {
        throw new ApiProblem(ApiErrors.invalid_request, 'Give voucherId, provider, fundId or settlementId.', {
          invalidParams: [{ name: 'voucherId', reason: 'give voucherId, provider, fundId or settlementId' }],
        });
      }
      return list(c, listPayments(kv(node), query));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/payments/{id}',
    operationId: 'getPayment',
    summary: 'One payment: amount (and resident part of a subsidy), refunds, settlement batch',
    tags: [TAGS.payments],
    params: z.object({ id: idSchema }),
    responses: {
      200: { description: 'The payment', schema: paymentSchema },
      404: { description: 'No such payment' },
    },
    handle({ c, node, params }) {
      return c.json(
        found(getPayment(kv(node), params.id), E.unknown_payment, `There is no payment "${params.id}".`),
      );
    },
  }),
  defineRoute({
    method: 'get',
    path: '/payment-requests',
    operationId: 'listPaymentRequests',
    summary: 'Payment requests sent to a resident (the app confirms the pending ones)',
    tags: [TAGS.payments],
    query: z.object({
      holder: pubKeySchema,
      state: z.enum(['pending', 'confirmed', 'declined', 'canceled', 'expired']).optional(),
    }),
    responses: { 200: { description: 'The requests', schema: listOf(paymentRequestSchema) } },
    handle({ c, node, query }) {
      const items = paymentRequestsOf(kv(node), query.holder, now(node)).filter(
        (r) => query.state === undefined || r.effectiveState === query.state,
      );
      return list(c, items);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/payment-requests/{id}',
    operationId: 'getPaymentRequest',
    summary: 'One payment request, with "expired" once it can no longer be confirmed',
    tags: [TAGS.payments],
    params: z.object({ id: idSchema }),
    responses: {
      200: { description: 'The request', schema: paymentRequestSchema },
      404: { description: 'No such request' },
    },
    handle({ c, node, params }) {
      return c.json(
        found(
          paymentRequestView(kv(node), params.id, now(node)),
          E.unknown_payment_request,
          `There is no payment request "${params.id}".`,
        ),
      );
    },
  }),
  // ---- reimbursements --------------------------------------------------------------------------
  defineRoute({
    method: 'get',
    path: '/reimbursements',
    operationId: 'listReimbursements',
    summary: 'Reimbursement claims (declaraties), by fund, holder or state',
    tags: [TAGS.reimbursements],
    query: z.object({
      fundId: idSchema.optional(),
      holder: pubKeySchema.optional(),
      state: z.enum(['pending', 'approved', 'declined']).optional(),
    }),
    responses: { 200: { description: 'The claims', schema: listOf(reimbursementSchema) } },
    handle({ c, node, query }) {
      return list(c, listReimbursements(kv(node), query));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/reimbursements/{id}',
    operationId: 'getReimbursement',
    summary: 'One reimbursement claim with its receipt hash and decision',
    tags: [TAGS.reimbursements],
    params: z.object({ id: idSchema }),
    responses: {
      200: { description: 'The claim', schema: reimbursementSchema },
      404: { description: 'No such claim' },
    },
    handle({ c, node, params }) {
      return c.json(
        found(
          getReimbursement(kv(node), params.id),
          E.unknown_reimbursement,
          `There is no reimbursement "${params.id}".`,
        ),
      );
    },
  }),
  // ---- care budgets ----------------------------------------------------------------------------
  defineRoute({
    method: 'get',
    path: '/care-budgets',
    operationId: 'listCareBudgets',
    summary: 'The care budgets of a budget holder, with contracts and declarations',
    tags: [TAGS.care],
    query: z.object({ holder: pubKeySchema }),
    responses: { 200: { description: 'The care budgets', schema: listOf(careBudgetSchema) } },
    handle({ c, node, query }) {
      return list(c, careBudgetsOf(kv(node), query.holder));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/care-budgets/{id}',
    operationId: 'getCareBudget',
    summary: 'One care budget (a voucher of a care fund) with its contracts and declarations',
    tags: [TAGS.care],
    params: z.object({ id: idSchema }),
    responses: {
      200: { description: 'The care budget', schema: careBudgetSchema },
      404: { description: 'No such care budget' },
    },
    handle({ c, node, params }) {
      return c.json(
        found(
          careBudgetView(kv(node), params.id),
          ApiErrors.not_found,
          `There is no care budget "${params.id}": no voucher of a care fund has this id.`,
        ),
      );
    },
  }),
  defineRoute({
    method: 'get',
    path: '/care-budgets/{id}/statements/{period}',
    operationId: 'getCareStatement',
    summary: 'Monthly statement of a care budget: opening and closing balance, care paid, declarations',
    tags: [TAGS.care],
    params: z.object({ id: idSchema, period: monthSchema }),
    responses: {
      200: { description: 'The statement', schema: careStatementSchema },
      404: { description: 'No such care budget' },
    },
    handle({ c, node, params }) {
      const b = found(
        careBudgetView(kv(node), params.id),
        ApiErrors.not_found,
        `There is no care budget "${params.id}": no voucher of a care fund has this id.`,
      );
      return c.json(careStatement(kv(node), b.voucher.holder ?? '', params.period, params.id));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/care-contracts',
    operationId: 'listCareContracts',
    summary: 'The care contracts a care provider is party to, with their declarations',
    tags: [TAGS.care],
    query: z.object({ provider: oinSchema.describe('OIN of the care provider') }),
    responses: {
      200: {
        description: 'The contracts',
        schema: listOf(careContractSchema),
      },
    },
    handle({ c, node, query }) {
      const state = kv(node);
      return list(
        c,
        contractsOfProvider(state, query.provider).map((contract) => ({
          ...contract,
          declarations: declarationsOfContract(state, contract.id),
        })),
      );
    },
  }),
  defineRoute({
    method: 'get',
    path: '/care-contracts/{id}',
    operationId: 'getCareContract',
    summary: 'One care contract with its agreed rate, units per month and declarations',
    tags: [TAGS.care],
    params: z.object({ id: idSchema }),
    responses: {
      200: { description: 'The contract', schema: careContractSchema },
      404: { description: 'No such contract' },
    },
    handle({ c, node, params }) {
      const contract = found(
        getContract(kv(node), params.id),
        E.unknown_contract,
        `There is no care contract "${params.id}".`,
      );
      return c.json({ ...contract, declarations: declarationsOfContract(kv(node), params.id) });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/care-declarations/{id}',
    operationId: 'getCareDeclaration',
    summary: 'One declaration of delivered care',
    tags: [TAGS.care],
    params: z.object({ id: idSchema }),
    responses: {
      200: { description: 'The declaration', schema: careDeclarationSchema },
      404: { description: 'No such declaration' },
    },
    handle({ c, node, params }) {
      return c.json(
        found(
          getDeclaration(kv(node), params.id),
          E.unknown_declaration,
          `There is no care declaration "${params.id}".`,
        ),
      );
    },
  }),
  // ---- settlements -----------------------------------------------------------------------------
  defineRoute({
    method: 'get',
    path: '/settlements',
    operationId: 'listSettlements',
    summary: 'Settlement batches, by sponsor or state',
    tags: [TAGS.settlements],
    query: z.object({
      sponsor: oinSchema.optional(),
      state: z.enum(['draft', 'approved', 'paid', 'canceled']).optional(),
    }),
    responses: { 200: { description: 'The batches', schema: listOf(settlementSchema) } },
    handle({ c, node, query }) {
      return list(c, listSettlements(kv(node), query));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/settlements/{id}',
    operationId: 'getSettlement',
    summary: 'One settlement batch: lines per provider, state, bank accounts once approved',
    tags: [TAGS.settlements],
    params: z.object({ id: idSchema }),
    responses: {
      200: { description: 'The batch', schema: settlementSchema },
      404: { description: 'No such batch' },
    },
    handle({ c, node, params }) {
      return c.json(
        found(
          getSettlement(kv(node), params.id),
          E.unknown_settlement,
          `There is no settlement batch "${params.id}".`,
        ),
      );
    },
  }),
  defineRoute({
    method: 'get',
    path: '/settlements/{id}/sepa-file',
    operationId: 'getSettlementSepaFile',
    summary: 'The SEPA credit-transfer file (pain.001.001.03) of an approved batch, for the bank',
    description: 'Made from the batch alone, off the ledger: the same batch always gives the same file.',
    tags: [TAGS.settlements],
    params: z.object({ id: idSchema }),
    responses: {
      200: { description: 'pain.001.001.03 XML', contentType: 'application/xml', schema: z.string() },
      404: { description: 'No such batch' },
      409: { description: 'The batch is not approved (or was canceled)' },
    },
    handle({ c, node, params }) {
      const s = found(
        getSettlement(kv(node), params.id),
        E.unknown_settlement,
        `There is no settlement batch "${params.id}".`,
      );
      if (s.state !== 'approved' && s.state !== 'paid') {
        throw new ApiProblem(
          E.bad_settlement_state,
          `Settlement batch "${s.id}" is ${s.state}; the SEPA file is made once it is approved.`,
        );
      }
      return c.body(sepaCreditTransferXml(s), 200, {
        'Content-Type': 'application/xml; charset=utf-8',
        'Content-Disposition': `attachment; filename="${s.id}-pain.001.xml"`,
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/settlements/{id}/payments',
    operationId: 'listSettlementPayments',
    summary: 'The payments a batch settles (the specification for bookkeeping); CSV with format=csv',
    tags: [TAGS.settlements],
    params: z.object({ id: idSchema }),
    query: z.object({ format: formatQuery }),
    responses: {
      200: { description: 'The payments (text/csv with format=csv)', schema: listOf(paymentSchema) },
      404: { description: 'No such batch' },
    },
    handle({ c, node, params, query }) {
      found(
        getSettlement(kv(node), params.id),
        E.unknown_settlement,
        `There is no settlement batch "${params.id}".`,
      );
      const payments = listPayments(kv(node), { settlementId: params.id });
      if (query.format === 'csv') {
        const body = toCsv(
          [
            'payment',
            'date',
            'fund',
            'provider',
            'category',
            'kind',
            'voucher',
            'amount_eur',
            'refunded_eur',
            'settled_eur',
            'tx',
          ],
          payments.map((p) => [
            p.id,
            p.time.slice(0, 10),
            p.fundId,
            p.provider,
            p.category,
            p.kind,
            p.voucherId,
            euro(p.amountCents),
            euro(p.refundedCents),
            euro(BigInt(p.amountCents) - BigInt(p.refundedCents)),
            p.txHash,
          ]),
        );
        return csv(c, body, `${params.id}-specificatie.csv`);
      }
      return list(c, payments);
    },
  }),
];

const DESCRIPTIONS: Record<string, string> = {
  [TAGS.funds]:
    'Earmarked budgets (regelingen): funds of a sponsor with categories, dates, amounts, limits and switches; the providers that applied; reports and the bookkeeping export. Amounts are euro cents as strings.',
  [TAGS.offers]:
    'What accepted providers offer under a fund: price, payment type (budget or subsidy), stock and limits',
  [TAGS.vouchers]:
    'Eligibility requests and vouchers of residents (pseudonymous keys), with their money movements',
  [TAGS.payments]: 'Payments to providers, and payment requests a resident confirms (the QR flow)',
  [TAGS.reimbursements]: 'Reimbursement claims (declaraties) with a receipt hash, decided by the sponsor',
  [TAGS.care]:
    'Care budgets (PGB-style): contracts with care providers, declarations of delivered care, monthly statements',
  [TAGS.settlements]:
    'Settlement batches per sponsor (draft → approved → paid) with their SEPA file, and organisations’ bank accounts',
};

/** The budgets API, one ApiModule per resource family (each with its own OpenAPI tag). */
export const budgetsApis: ApiModule[] = Object.entries(DESCRIPTIONS).map(([name, description]) => ({
  tag: { name, description },
  routes: ROUTES.filter((r) => r.tags[0] === name),
}));
