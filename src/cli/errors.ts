// Expected failures become one line on stderr and an exit code; only bugs may show a stack trace,
// and only when KETENBOEK_DEBUG is set.
import { CommanderError } from 'commander';
import { KetenboekApiError, KetenboekNetworkError } from '../client/errors.ts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Wrong arguments or options: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An expected failure whose message is already the reason (exit code 1). */
export class CliError extends Error {
  override name = 'CliError';
}

// Node's own I/O errors (ENOENT, EACCES...) carry a code and are expected too.
function isSystemError(e: unknown): e is Error & { code: string } {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

function apiReason(e: KetenboekApiError): string {
  const params = e.invalidParams
    .filter((p) => !e.detail.includes(p.reason))
    .map((p) => `${p.name}: ${p.reason}`);
  return params.length > 0 ? `${e.code}: ${e.detail} (${params.join('; ')})` : `${e.code}: ${e.detail}`;
}

function reasonOf(e: unknown): { reason: string; expected: boolean } {
  if (e instanceof KetenboekApiError) return { reason: apiReason(e), expected: true };
  if (e instanceof KetenboekNetworkError) {
    return {
      reason: `${e.message}; is the node running? Start one with "ketenboek start" or pass --node URL`,
      expected: true,
    };
  }
  if (e instanceof UsageError || e instanceof CliError || isSystemError(e))
    return { reason: e.message, expected: true };
  if (e instanceof Error) return { reason: e.message || e.name, expected: e.constructor === Error };
  return { reason: String(e), expected: false };
}

/** The single stderr line for `e` (without the trailing newline). */
export function errorLine(e: unknown): string {
  const { reason, expected } = reasonOf(e);
  const oneLine = reason.replace(/\s*\n\s*/g, ' ').trim();
  const hint = expected || process.env.KETENBOEK_DEBUG ? '' : ' (set KETENBOEK_DEBUG=1 for a stack trace)';
  return `error: ${oneLine}${hint}`;
}

export function exitCodeOf(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  return e instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
}
