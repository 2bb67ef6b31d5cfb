// Errors the client throws. A refusal by the node always arrives as RFC 9457 problem+json; the
// fields are kept as sent so callers can switch on the stable `code` (e.g. "tx.bad_nonce").
import type { TxResult } from '../app/types.ts';

export interface InvalidParam {
  name: string;
  reason: string;
}

export interface ProblemDetails {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  /** Stable string code, "<codespace>.<name>". */
  code?: string;
  invalidParams?: InvalidParam[];
  [extension: string]: unknown;
}

export class KetenboekApiError extends Error {
  override name = 'KetenboekApiError';
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly invalidParams: InvalidParam[];
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails) {
    const code = problem.code ?? `http.${problem.status}`;
    const detail = problem.detail ?? problem.title;
    super(`${code}: ${detail}`);
    this.problem = problem;
    this.status = problem.status;
    this.code = code;
    this.title = problem.title;
    this.detail = detail;
    this.invalidParams = problem.invalidParams ?? [];
  }
}

/**
 * A tx that was committed in a block but refused by its module: it is on the chain with a non-zero
 * result code and consumed its nonce, so besides the reason callers get its hash, height and result.
 */
export class KetenboekTxFailedError extends KetenboekApiError {
  override name = 'KetenboekTxFailedError';
  readonly hash: string;
  readonly height: number;
  readonly index: number;
  readonly result: TxResult;

  constructor(problem: ProblemDetails & { hash: string; height: number; index: number; result: TxResult }) {
    super(problem);
    this.hash = problem.hash;
    this.height = problem.height;
    this.index = problem.index;
    this.result = problem.result;
  }

  static fromCommitted(c: {
    hash: string;
    height: number;
    index: number;
    result: TxResult;
  }): KetenboekTxFailedError {
    const code = c.result.error || `${c.result.codespace}.${c.result.code}`;
    return new KetenboekTxFailedError({
      title: 'Transaction failed',
      status: 422,
      code,
      detail: c.result.log,
      ...c,
    });
  }
}

/** The node could not be reached at all (refused, DNS, TLS, reset before a response). */
export class KetenboekNetworkError extends Error {
  override name = 'KetenboekNetworkError';
  readonly url: string;

  constructor(url: string, cause: unknown) {
    super(`cannot reach the node at ${url} (${describeCause(cause)})`, { cause });
    this.url = url;
  }
}

// Node's fetch hides the socket error in `cause` ("fetch failed" says nothing); browsers only
// give a TypeError message.
function describeCause(cause: unknown): string {
  const inner = (cause as { cause?: { code?: unknown; message?: unknown } })?.cause;
  if (inner && typeof inner.code === 'string') {
    return inner.code === 'ECONNREFUSED' ? 'connection refused' : inner.code;
  }
  if (inner && typeof inner.message === 'string') return inner.message;
  return cause instanceof Error ? cause.message : String(cause);
}

function isProblem(v: unknown): v is ProblemDetails {
  return typeof v === 'object' && v !== null && typeof (v as ProblemDetails).title === 'string';
}

// The API answers 422 with the recorded result when a tx was committed but refused.
function isCommittedRefusal(
  p: ProblemDetails,
): p is ProblemDetails & { hash: string; height: number; index: number; result: TxResult } {
  return (
    typeof p.hash === 'string' &&
    typeof p.height === 'number' &&
    typeof p.index === 'number' &&
    typeof p.result === 'object' &&
    p.result !== null
  );
}

/** Turns a non-2xx response into a KetenboekApiError, whatever the body looks like. */
export async function apiErrorFrom(res: Response): Promise<KetenboekApiError> {
  const text = await res.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isProblem(body)) {
    const problem = { ...body, status: body.status ?? res.status };
    return isCommittedRefusal(problem) ? new KetenboekTxFailedError(problem) : new KetenboekApiError(problem);
  }
  const snippet = text.trim().slice(0, 200);
  return new KetenboekApiError({
    title: res.statusText || `HTTP ${res.status}`,
    status: res.status,
    detail: snippet
      ? `HTTP ${res.status} ${res.statusText}: ${snippet}`
      : `HTTP ${res.status} ${res.statusText}`,
  });
}
