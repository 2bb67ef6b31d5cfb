// One error base for the whole ledger. Every refusal has a stable string code (never renamed,
// clients and the web app switch on it), a numeric ABCI code unique within its codespace, an HTTP
// status for the REST API, and a sentence that says what went wrong and what to do.

export interface ErrorDefinition {
  /** Stable string code, "<codespace>.<name>", e.g. "budgets.voucher_expired". */
  code: string;
  codespace: string;
  /** Numeric code for ABCI results; unique within the codespace, never 0. */
  abciCode: number;
  httpStatus: number;
  /** Short title for problem+json. */
  title: string;
}

export class LedgerError extends Error {
  readonly definition: ErrorDefinition;
  readonly details: Record<string, unknown> | undefined;

  constructor(definition: ErrorDefinition, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'LedgerError';
    this.definition = definition;
    this.details = details;
  }

  get code(): string {
    return this.definition.code;
  }
}

type ErrorSpec = readonly [abciCode: number, httpStatus: number, title: string];

export type ErrorRegistry<K extends string> = { readonly [P in K]: ErrorDefinition } & {
  readonly codespace: string;
};

/**
 * Declares a module's errors once. Numeric codes must be unique within the codespace, so a module
 * that reuses a number fails at import time rather than producing ambiguous results on chain.
 */
export function defineErrors<K extends string>(
  codespace: string,
  specs: Record<K, ErrorSpec>,
): ErrorRegistry<K> {
  const seen = new Set<number>();
  const out: Record<string, ErrorDefinition | string> = { codespace };
  for (const name of Object.keys(specs).sort() as K[]) {
    const [abciCode, httpStatus, title] = specs[name];
    if (abciCode <= 0 || seen.has(abciCode)) {
      throw new Error(`error code ${abciCode} of ${codespace}.${name} is not unique and positive`);
    }
    seen.add(abciCode);
    out[name] = { code: `${codespace}.${name}`, codespace, abciCode, httpStatus, title };
  }
  return out as ErrorRegistry<K>;
}

/** Throws a LedgerError; reads well at the call site: `fail(E.voucher_expired, '...')`. */
export function fail(definition: ErrorDefinition, message: string, details?: Record<string, unknown>): never {
  throw new LedgerError(definition, message, details);
}
