// Who may touch a case's documents is decided by the ledger, not by the document store: the
// organisation must be invited to the case in committed state, and the case must not be erased.
import type { KVRead } from '../app/kv.ts';
import { fail } from '../core/errors.ts';
import { type Case, getCase, isCasePartner, processView } from '../modules/cases/keeper.ts';
import { DocstoreErrors as E } from './errors.ts';

export function requireInvited(ledger: KVRead, caseId: string, oin: string): Case {
  const c = getCase(ledger, caseId);
  if (!c) fail(E.unknown_case, `There is no case ${caseId} on the ledger.`);
  if (c.status === 'erased')
    fail(E.erased, `The data of case ${caseId} was erased on ${c.erasure?.at}; its documents are gone.`);
  if (!isCasePartner(ledger, caseId, oin)) {
    fail(
      E.not_invited,
      `Organisation ${oin} is not invited to case ${caseId}; its documents are shared only with invited partners.`,
    );
  }
  return c;
}

/** Documents are added while the case is open, of a kind its process names. */
export function requireCanStore(ledger: KVRead, c: Case, kind: string): void {
  if (c.status !== 'open') fail(E.case_closed, `Case ${c.id} is closed; no documents are added to it.`);
  const kinds = processView(ledger, c.process, c.processVersion)?.documentKinds ?? [];
  if (!kinds.includes(kind)) {
    fail(
      E.unknown_document_kind,
      `Process "${c.process}" has no document kind "${kind}"; it has ${kinds.join(', ') || 'none'}.`,
    );
  }
}
