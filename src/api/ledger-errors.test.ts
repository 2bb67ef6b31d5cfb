import { describe, expect, it } from 'vitest';
import { ALL_MODULES } from '../modules/registry.ts';
import { ErrorCatalog } from './error-catalog.ts';
import { LEDGER_ERRORS } from './ledger-errors.ts';

describe('LEDGER_ERRORS', () => {
  it('knows the errors of every module the ledger runs, so refusals get their own HTTP status', () => {
    const codes = new ErrorCatalog(LEDGER_ERRORS).all().map((d) => d.code);
    for (const m of ALL_MODULES) {
      expect(
        codes.some((c) => c.startsWith(`${m.name}.`)),
        `list the error registry of module "${m.name}" in its Module's errors field`,
      ).toBe(true);
    }
  });
});
