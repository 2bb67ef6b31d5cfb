// The modules of this ledger, in execution order (genesis and end-block hooks run in this order).
import type { Module } from '../app/module.ts';
import { anchorModule } from './anchor/index.ts';
import { budgetsModule } from './budgets/index.ts';
import { casesModule } from './cases/index.ts';
import { identityModule } from './identity/index.ts';
import { registryModule } from './registry/index.ts';
import { votingModule } from './voting/index.ts';

export const ALL_MODULES: Module[] = [
  identityModule,
  anchorModule,
  budgetsModule,
  registryModule,
  casesModule,
  votingModule,
];
