// Every API module the server mounts, in the order they appear in the OpenAPI document.
// A domain module adds its API in one file here (e.g. budgets.ts exporting `budgetsApi: ApiModule`)
// and one entry below; server.ts and openapi.ts pick it up from this list.
import type { ApiModule } from '../route.ts';
import { accountsApi } from './accounts.ts';
import { anchorsApi } from './anchors.ts';
import { blocksApi } from './blocks.ts';
import { budgetsApis } from './budgets.ts';
import { casesApi } from './cases.ts';
import { eventsApi } from './events.ts';
import { openapiApi } from './openapi.ts';
import { organisationsApi } from './organisations.ts';
import { problemsApi } from './problems.ts';
import { proposalsApi } from './proposals.ts';
import { registryApi } from './registry.ts';
import { stateProofsApi } from './state-proofs.ts';
import { statusApi } from './status.ts';
import { transactionsApi } from './transactions.ts';
import { votingApi } from './voting.ts';

export const API_MODULES: ApiModule[] = [
  statusApi,
  blocksApi,
  transactionsApi,
  accountsApi,
  organisationsApi,
  proposalsApi,
  anchorsApi,
  ...budgetsApis,
  registryApi,
  casesApi,
  votingApi,
  stateProofsApi,
  eventsApi,
  problemsApi,
  openapiApi,
];
