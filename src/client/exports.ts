// What both entries (index.ts for node, browser.ts) export besides their KetenboekClient.
export { KetenboekClientBase, type KetenboekClientOptions, type Query } from './client-base.ts';
export {
  type InvalidParam,
  KetenboekApiError,
  KetenboekNetworkError,
  KetenboekTxFailedError,
  type ProblemDetails,
} from './errors.ts';
export type { EventSubscription, EventsOptions } from './events.ts';
export type { MessageSender, ModuleClientContext, SendOptions } from './message-sender.ts';
export type { AnchorClient, AnchorCreateBody } from './modules/anchor.ts';
export type {
  BudgetsClient,
  CareBudgetView,
  FundView,
  Offer,
  Payment,
  Reimbursement,
  Settlement,
  Voucher,
} from './modules/budgets.ts';
export {
  type CaseDocumentsClient,
  type CaseDocumentsOptions,
  caseDocuments,
} from './modules/cases-documents.ts';
export type {
  AddKeyBody,
  IdentityClient,
  ProposalActionInput,
  RevokeKeyBody,
  SubmitProposalBody,
  VoteBody,
} from './modules/identity.ts';
export type { ModuleClients } from './modules/index.ts';
export type { KeyPair, Signer, SignFn, TxSigner } from './signer.ts';
export type * from './types.ts';
