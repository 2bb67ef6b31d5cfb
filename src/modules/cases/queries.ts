// Read views of cases, shared by ABCI queries, the REST API and the CLI. Queries cannot see the
// block clock, so views that report overdue steps take `now` (the latest block time) from the caller.
import type { KVRead } from '../../app/kv.ts';
import {
  type CaseRecords,
  loadCaseRecords,
  type StepProgress,
  stepProgress,
  type WaitingOn,
} from './progress.ts';
import {
  type Case,
  getProcess,
  getProcessVersion,
  idsUnder,
  keys,
  listProcesses,
  listTimeline,
  type ProcessDefinition,
  paddedId,
  type TimelineEntry,
} from './state.ts';

export type CaseView = Omit<Case, 'disputeSeq' | 'timelineSeq'> &
  Omit<CaseRecords, 'case' | 'definition'> & {
    processTitle: string;
    stepTitle: string;
    progress: StepProgress;
    /** Steps the case may move to from here, and whether that needs the current step complete. */
    next: Array<{ to: string; requiresComplete: boolean }>;
  };

export function caseView(kv: KVRead, id: string, now?: string): CaseView | undefined {
  const r = loadCaseRecords(kv, id);
  if (!r) return undefined;
  const { disputeSeq: _d, timelineSeq: _t, ...c } = r.case;
  const step = r.definition.steps.find((s) => s.id === c.step);
  return {
    ...c,
    processTitle: r.definition.title,
    stepTitle: step?.title ?? c.step,
    partners: r.partners,
    attestations: r.attestations,
    fields: r.fields,
    disputes: r.disputes,
    documents: r.documents,
    progress: stepProgress(r, now),
    next:
      c.status === 'open'
        ? r.definition.transitions
            .filter((t) => t.from === c.step)
            .map((t) => ({ to: t.to, requiresComplete: t.requiresComplete }))
        : [],
  };
}

export function caseTimeline(kv: KVRead, id: string): TimelineEntry[] | undefined {
  return kv.get(keys.case(id)) === undefined ? undefined : listTimeline(kv, id);
}

export interface PartnerCaseSummary {
  id: string;
  process: string;
  processVersion: number;
  step: string;
  stepTitle: string;
  /** The partner's own roles in the case. */
  roles: string[];
  dueAt: string | null;
  overdue: boolean;
  openDisputes: string[];
  waitingOn: WaitingOn[];
  /** The part of waitingOn that is this partner's to do. */
  waitingOnYou: WaitingOn[];
}

export interface PartnerOverview {
  oin: string;
  now: string | null;
  cases: PartnerCaseSummary[];
  /** Case id to pass as `after` for the next page, or null on the last page. */
  nextAfter: string | null;
}

/** The open cases of one partner, with what each waits on and whether it is overdue. */
export function partnerOverview(
  kv: KVRead,
  oin: string,
  opts: { now?: string; limit?: number; after?: string } = {},
): PartnerOverview {
  const limit = opts.limit ?? 100;
  const prefix = keys.openByPartnerPrefix(oin);
  const start = opts.after ? `${prefix}${paddedId(opts.after)}\x00` : undefined;
  const ids = idsUnder(kv, prefix, { limit, ...(start ? { start } : {}) });
  const cases: PartnerCaseSummary[] = [];
  for (const id of ids) {
    const r = loadCaseRecords(kv, id);
    if (!r) continue;
    const p = stepProgress(r, opts.now);
    cases.push({
      id,
      process: r.case.process,
      processVersion: r.case.processVersion,
      step: r.case.step,
      stepTitle: r.definition.steps.find((s) => s.id === r.case.step)?.title ?? r.case.step,
      roles: r.partners.find((x) => x.oin === oin)?.roles ?? [],
      dueAt: p.dueAt,
      overdue: p.overdue,
      openDisputes: p.openDisputes,
      waitingOn: p.waitingOn,
      waitingOnYou: p.waitingOn.filter((w) => w.oin === oin),
    });
  }
  return {
    oin,
    now: opts.now ?? null,
    cases,
    nextAfter: ids.length === limit ? (ids[ids.length - 1] ?? null) : null,
  };
}

export interface CaseListItem {
  id: string;
  process: string;
  status: Case['status'];
  step: string;
  openedAt: string;
  opener: string;
}

/** Cases in id order, optionally only of one process or status (filters apply within the page). */
export function listCases(
  kv: KVRead,
  opts: { limit?: number; after?: string; process?: string; status?: string } = {},
) {
  const limit = opts.limit ?? 20;
  const start = opts.after ? `${keys.indexPrefix}${paddedId(opts.after)}\x00` : undefined;
  const ids = idsUnder(kv, keys.indexPrefix, { limit, ...(start ? { start } : {}) });
  const items: CaseListItem[] = [];
  for (const id of ids) {
    const c = kv.get(keys.case(id));
    if (!c) continue;
    const { process, status, step, openedAt, opener } = JSON.parse(c) as Case;
    if ((opts.process && process !== opts.process) || (opts.status && status !== opts.status)) continue;
    items.push({ id, process, status, step, openedAt, opener });
  }
  return { items, nextAfter: ids.length === limit ? (ids[ids.length - 1] ?? null) : null };
}

export function processView(kv: KVRead, id: string, version?: number): ProcessDefinition | undefined {
  return version === undefined ? getProcess(kv, id) : getProcessVersion(kv, id, version);
}

export const casesQueries = {
  processes: (kv: KVRead) => listProcesses(kv),
  process: (kv: KVRead, p: Record<string, string>) =>
    processView(kv, p.id ?? '', p.version === undefined ? undefined : Number(p.version)) ?? null,
  cases: (kv: KVRead, p: Record<string, string>) =>
    listCases(kv, {
      ...(p.limit ? { limit: Number(p.limit) } : {}),
      ...(p.after ? { after: p.after } : {}),
      ...(p.process ? { process: p.process } : {}),
      ...(p.status ? { status: p.status } : {}),
    }),
  case: (kv: KVRead, p: Record<string, string>) => caseView(kv, p.id ?? '', p.now) ?? null,
  timeline: (kv: KVRead, p: Record<string, string>) => caseTimeline(kv, p.id ?? '') ?? null,
  partner_cases: (kv: KVRead, p: Record<string, string>) =>
    partnerOverview(kv, p.oin ?? '', {
      ...(p.now ? { now: p.now } : {}),
      ...(p.limit ? { limit: Number(p.limit) } : {}),
      ...(p.after ? { after: p.after } : {}),
    }),
};
