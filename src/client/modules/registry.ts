// Client helpers of the registry module: register classes, records and their history, and
// verifications with proofs. Reads are plain GETs; writes are the module's signed messages.
//   await client.registry.record('perceel-1')                        GET /v1/records/{id}
//   await client.registry.verify({ documentHash }, { height: 120 })   GET /v1/verifications
//   await client.registry.issue(issuerKey, { id, classId, ... })      registry.issue
// Offline proof checking: core/record-proof.ts (verifyRecordProofWith) with the node's or the
// browser's crypto binding.
import type { z } from 'zod';
import type { RecordProof, RecordStatus } from '../../core/record-proof.ts';
import type {
  amendRecordSchema,
  encumberSchema,
  issueRecordSchema,
  proposeTransferSchema,
  recordIdSchema,
  recordReasonSchema,
  releaseEncumbranceSchema,
} from '../../modules/registry/schemas.ts';
import type { HistoryEntry, RegisterClass, RegistryRecord } from '../../modules/registry/state.ts';
import { type MessageSender, type ModuleClientContext, messageSender } from '../message-sender.ts';
import type { Page } from '../types.ts';

export type { HistoryEntry, RecordProof, RecordStatus, RegisterClass, RegistryRecord };
export type RegistryRecordView = RegistryRecord & { effectiveStatus: RecordStatus };

export interface RecordVerification {
  status: RecordStatus;
  height: number;
  time: string;
  recordId?: string;
  documentCurrent?: boolean;
  record?: RegistryRecord;
  proof: RecordProof;
}

export interface RecordListOptions {
  classId?: string;
  holderKey?: string;
  holderOrganisation?: string;
  after?: string;
  limit?: number;
}

export interface RegistryClient {
  classes(): Promise<Page<RegisterClass>>;
  /** One register class; throws KetenboekApiError (404 registry.unknown_class) when unknown. */
  class(id: string): Promise<RegisterClass>;
  records(opts?: RecordListOptions): Promise<Page<RegistryRecordView>>;
  /** One record; throws KetenboekApiError (404 registry.unknown_record) when unknown. */
  record(id: string): Promise<RegistryRecordView>;
  history(id: string): Promise<Page<HistoryEntry>>;
  /** Status and offline-checkable proof, by record id or document hash, at the latest or a given height. */
  verify(
    query: { recordId: string } | { documentHash: string },
    opts?: { height?: number },
  ): Promise<RecordVerification>;
  issue: MessageSender<z.infer<typeof issueRecordSchema>>;
  amend: MessageSender<z.infer<typeof amendRecordSchema>>;
  suspend: MessageSender<z.infer<typeof recordReasonSchema>>;
  reinstate: MessageSender<z.infer<typeof recordReasonSchema>>;
  revoke: MessageSender<z.infer<typeof recordReasonSchema>>;
  proposeTransfer: MessageSender<z.infer<typeof proposeTransferSchema>>;
  acceptTransfer: MessageSender<z.infer<typeof recordIdSchema>>;
  confirmTransfer: MessageSender<z.infer<typeof recordIdSchema>>;
  cancelTransfer: MessageSender<z.infer<typeof recordIdSchema>>;
  encumber: MessageSender<z.infer<typeof encumberSchema>>;
  releaseEncumbrance: MessageSender<z.infer<typeof releaseEncumbranceSchema>>;
}

export function registryClient(ctx: ModuleClientContext): RegistryClient {
  const id = (s: string) => encodeURIComponent(s);
  return {
    classes: () => ctx.get('/register-classes'),
    class: (classId) => ctx.get(`/register-classes/${id(classId)}`),
    records: (o = {}) => ctx.get('/records', { ...o }),
    record: (recordId) => ctx.get(`/records/${id(recordId)}`),
    history: (recordId) => ctx.get(`/records/${id(recordId)}/history`),
    verify: (query, opts = {}) => ctx.get('/verifications', { ...query, height: opts.height }),
    issue: messageSender(ctx, 'registry.issue'),
    amend: messageSender(ctx, 'registry.amend'),
    suspend: messageSender(ctx, 'registry.suspend'),
    reinstate: messageSender(ctx, 'registry.reinstate'),
    revoke: messageSender(ctx, 'registry.revoke'),
    proposeTransfer: messageSender(ctx, 'registry.propose_transfer'),
    acceptTransfer: messageSender(ctx, 'registry.accept_transfer'),
    confirmTransfer: messageSender(ctx, 'registry.confirm_transfer'),
    cancelTransfer: messageSender(ctx, 'registry.cancel_transfer'),
    encumber: messageSender(ctx, 'registry.encumber'),
    releaseEncumbrance: messageSender(ctx, 'registry.release_encumbrance'),
  };
}
