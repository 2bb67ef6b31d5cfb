// Ledger refusals reach the API as bare code strings (a CheckTxResult carries no HTTP status or
// title), so the API keeps a catalogue of every known error definition to answer with the right
// status, title and problem type.
import type { ErrorDefinition } from '../core/errors.ts';

/** What defineErrors returns, whatever its keys: definitions plus the codespace string. */
export type ErrorRegistryLike = { readonly [name: string]: ErrorDefinition | string };

export class ErrorCatalog {
  private readonly byCode = new Map<string, ErrorDefinition>();

  constructor(registries: Iterable<ErrorRegistryLike> = []) {
    for (const r of registries) this.add(r);
  }

  add(registry: ErrorRegistryLike): void {
    for (const value of Object.values(registry)) {
      if (typeof value === 'object' && value !== null) this.byCode.set(value.code, value);
    }
  }

  get(code: string): ErrorDefinition | undefined {
    return this.byCode.get(code);
  }

  all(): ErrorDefinition[] {
    return [...this.byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}
