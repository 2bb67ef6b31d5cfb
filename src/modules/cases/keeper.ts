// What other modules and node services (governance, the document store, the API) may ask of cases.
import type { KVRead } from '../../app/kv.ts';
import { getJson } from '../../app/typed-kv.ts';
import { type CaseDocument, getPartner, keys } from './state.ts';

export { containsBsnLikeNumber } from './no-personal-data.ts';
export { publishProcess } from './publish.ts';
export { caseTimeline, caseView, listCases, partnerOverview, processView } from './queries.ts';
export type { Case, CaseDocument, Partner, ProcessDefinition, TimelineEntry } from './state.ts';
export { getCase, getProcess, listDocuments, listProcesses } from './state.ts';

/** True when `oin` is invited to case `caseId` (in any role). */
export function isCasePartner(kv: KVRead, caseId: string, oin: string): boolean {
  return getPartner(kv, caseId, oin) !== undefined;
}

/** The attached document `hash` of a case, as recorded on the ledger. */
export function getCaseDocument(kv: KVRead, caseId: string, hash: string): CaseDocument | undefined {
  return getJson<CaseDocument>(kv, keys.document(caseId, hash));
}
