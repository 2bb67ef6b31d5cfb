// Turns a ledger refusal (at check time, or a committed tx whose result code is not 0) into a
// problem answer carrying the stable code, its own HTTP status and title, and what helps to fix it.
import type { CheckTxResult, TxResult } from '../app/types.ts';
import type { ErrorDefinition } from '../core/errors.ts';
import type { SignedTx } from '../core/tx.ts';
import type { LedgerNode } from '../engines/ledger-node.ts';
import { ApiErrors } from './api-errors.ts';
import type { ErrorCatalog } from './error-catalog.ts';
import { ApiProblem, type InvalidParam } from './problem.ts';
import { issuesToParams } from './validation.ts';

function definitionOf(
  errors: ErrorCatalog,
  code: string,
): Pick<ErrorDefinition, 'code' | 'httpStatus' | 'title'> {
  return errors.get(code) ?? { ...ApiErrors.unknown_refusal, code: code || ApiErrors.unknown_refusal.code };
}

/** The body's problems, one per field, by checking it again against its message schema. */
function bodyProblems(node: LedgerNode, tx: SignedTx): InvalidParam[] {
  const msg = node.app.messageTypes().find((m) => m.type === tx.type);
  const r = msg?.schema.safeParse(tx.body);
  return r && !r.success ? issuesToParams(r.error.issues, 'body') : [];
}

export function checkRefusal(
  node: LedgerNode,
  errors: ErrorCatalog,
  check: CheckTxResult,
  tx: SignedTx,
): ApiProblem {
  const extensions: Record<string, unknown> = {};
  if (check.hash) extensions.hash = check.hash;
  const headers: Record<string, string> = {};
  if (check.error === 'tx.bad_nonce') extensions.expectedNonce = node.app.nextNonce(tx.signer);
  if (check.error === 'tx.invalid_body') {
    const invalidParams = bodyProblems(node, tx);
    if (invalidParams.length > 0) extensions.invalidParams = invalidParams;
  }
  if (check.error === 'tx.mempool_full') headers['Retry-After'] = '1';
  return new ApiProblem(definitionOf(errors, check.error), check.log, extensions, headers);
}

/** A tx that is on the ledger but failed: 422, with the recorded result. */
export function committedRefusal(
  errors: ErrorCatalog,
  committed: { hash: string; height: number; index: number; result: TxResult },
  location: string,
): ApiProblem {
  const { hash, height, index, result } = committed;
  return new ApiProblem(
    definitionOf(errors, result.error),
    result.log,
    { hash, height, index, result },
    { Location: location },
    422,
  );
}
