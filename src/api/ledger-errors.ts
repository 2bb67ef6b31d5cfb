// Every error registry of the ledger, so a refusal of any module's tx answers with that error's own
// HTTP status and title even before the module has API routes of its own. Each module lists its
// registries in its `errors` field; the tx envelope's own errors come from core.
import { TxErrors } from '../core/tx-errors.ts';
import { ALL_MODULES } from '../modules/registry.ts';
import type { ErrorRegistryLike } from './error-catalog.ts';

export const LEDGER_ERRORS: ErrorRegistryLike[] = [TxErrors, ...ALL_MODULES.flatMap((m) => m.errors ?? [])];
