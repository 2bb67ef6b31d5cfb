// Every error registry of the ledger, so a refusal of any module's tx answers with that error's own
// HTTP status and title even before the module has API routes of its own. (A Module could carry its
// errors itself; until it does, this list is where a new module's registry is added.)
import { TxErrors } from '../core/tx-errors.ts';
import { AnchorErrors } from '../modules/anchor/index.ts';
import { BudgetErrors } from '../modules/budgets/errors.ts';
import { CasesErrors } from '../modules/cases/errors.ts';
import { IdentityErrors } from '../modules/identity/errors.ts';
import { RegistryErrors } from '../modules/registry/errors.ts';
import { VotingErrors } from '../modules/voting/errors.ts';
import type { ErrorRegistryLike } from './error-catalog.ts';

export const LEDGER_ERRORS: ErrorRegistryLike[] = [
  TxErrors,
  IdentityErrors,
  AnchorErrors,
  RegistryErrors,
  CasesErrors,
  VotingErrors,
  BudgetErrors,
];
