// Client helpers of the cases module: processes, cases, timelines and partner overviews (reads),
// and every case message (signed txs). `client.cases` is callable:
//   await client.cases('3')                                         GET /v1/cases/3
//   await client.cases.partnerCases(oin)                            GET /v1/partners/{oin}/cases
//   await client.cases.attest(orgKey, { caseId: '3', kind: 'income_verified' })   cases.attest
// Documents need signed requests: see cases-documents.ts (caseDocuments).
import type { z } from 'zod';
import type { CaseListItem, CaseView, PartnerOverview } from '../../modules/cases/queries.ts';
import type {
  advanceSchema,
  answerDisputeSchema,
  attachDocumentSchema,
  attestSchema,
  disputeSchema,
  inviteSchema,
  openCaseSchema,
  recordErasureSchema,
  setFieldSchema,
} from '../../modules/cases/schemas.ts';
import type { CaseDocument, ProcessDefinition, TimelineEntry } from '../../modules/cases/state.ts';
import { type MessageSender, type ModuleClientContext, messageSender } from '../message-sender.ts';
import type { Page } from '../types.ts';

export type { CaseListItem, CaseView, PartnerOverview, ProcessDefinition, TimelineEntry };
export type PartnerCasesPage = Omit<PartnerOverview, 'nextAfter'> & { next: string | null };
export type CaseDocumentEntry = CaseDocument & { heldHere: boolean };

/** Every tx type of the cases module: pass as `types` to client.events to follow case events. */
export const CASE_EVENT_TYPES = [
  'cases.open',
  'cases.invite',
  'cases.attest',
  'cases.set_field',
  'cases.advance',
  'cases.dispute',
  'cases.answer_dispute',
  'cases.attach_document',
  'cases.record_erasure',
] as const;

export interface CasesClient {
  /** One case with its progress; throws KetenboekApiError (404 cases.unknown_case) when unknown. */
  (id: string): Promise<CaseView>;
  processes(): Promise<Page<ProcessDefinition>>;
  process(id: string, version?: number): Promise<ProcessDefinition>;
  list(opts?: {
    process?: string;
    status?: 'open' | 'closed' | 'erased';
    after?: string;
    limit?: number;
  }): Promise<Page<CaseListItem>>;
  timeline(id: string): Promise<Page<TimelineEntry>>;
  /** A partner's open cases: what each waits on (and on whom), and which are overdue. */
  partnerCases(oin: string, opts?: { after?: string; limit?: number }): Promise<PartnerCasesPage>;
  /** The document hashes of a case, and whether the node holds each document. */
  documents(id: string): Promise<Page<CaseDocumentEntry>>;
  open: MessageSender<z.input<typeof openCaseSchema>>;
  invite: MessageSender<z.input<typeof inviteSchema>>;
  attest: MessageSender<z.input<typeof attestSchema>>;
  setField: MessageSender<z.input<typeof setFieldSchema>>;
  advance: MessageSender<z.input<typeof advanceSchema>>;
  dispute: MessageSender<z.input<typeof disputeSchema>>;
  answerDispute: MessageSender<z.input<typeof answerDisputeSchema>>;
  attachDocument: MessageSender<z.input<typeof attachDocumentSchema>>;
  recordErasure: MessageSender<z.input<typeof recordErasureSchema>>;
}

const path = (id: string) => `/cases/${encodeURIComponent(id)}`;

export function casesClient(ctx: ModuleClientContext): CasesClient {
  const get = (id: string) => ctx.get<CaseView>(path(id));
  return Object.assign(get, {
    processes: () => ctx.get<Page<ProcessDefinition>>('/processes'),
    process: (id: string, version?: number) =>
      ctx.get<ProcessDefinition>(`/processes/${encodeURIComponent(id)}`, { version }),
    list: (opts: { process?: string; status?: string; after?: string; limit?: number } = {}) =>
      ctx.get<Page<CaseListItem>>('/cases', { ...opts }),
    timeline: (id: string) => ctx.get<Page<TimelineEntry>>(`${path(id)}/timeline`),
    partnerCases: (oin: string, opts: { after?: string; limit?: number } = {}) =>
      ctx.get<PartnerCasesPage>(`/partners/${encodeURIComponent(oin)}/cases`, { ...opts }),
    documents: (id: string) => ctx.get<Page<CaseDocumentEntry>>(`${path(id)}/documents`),
    open: messageSender(ctx, 'cases.open'),
    invite: messageSender(ctx, 'cases.invite'),
    attest: messageSender(ctx, 'cases.attest'),
    setField: messageSender(ctx, 'cases.set_field'),
    advance: messageSender(ctx, 'cases.advance'),
    dispute: messageSender(ctx, 'cases.dispute'),
    answerDispute: messageSender(ctx, 'cases.answer_dispute'),
    attachDocument: messageSender(ctx, 'cases.attach_document'),
    recordErasure: messageSender(ctx, 'cases.record_erasure'),
  }) as CasesClient;
}
