// The command tree. Usage errors exit 2 (Commander's own included), see errors.ts.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { defaultHome } from '../node/home.ts';
import { registerBudgetsCommands } from './commands/budgets.ts';
import { registerCasesCommands } from './commands/cases.ts';
import { registerEventsCommand } from './commands/events.ts';
import { registerKeysCommands } from './commands/keys.ts';
import { registerNetworkCommand } from './commands/network.ts';
import { registerQueryCommands } from './commands/query.ts';
import { registerReceiptCommands } from './commands/receipt.ts';
import { registerRegistryCommands } from './commands/registry.ts';
import { registerStartCommand } from './commands/start.ts';
import { registerTxCommands } from './commands/tx/index.ts';
import { registerVerifyCommand } from './commands/verify.ts';
import { registerVotingCommands } from './commands/voting.ts';

export const DEFAULT_NODE_URL = 'http://127.0.0.1:8080';

const COMMANDS: Array<(program: Command) => void> = [
  registerStartCommand,
  registerKeysCommands,
  registerTxCommands,
  registerQueryCommands,
  registerReceiptCommands,
  registerBudgetsCommands,
  registerRegistryCommands,
  registerCasesCommands,
  registerVotingCommands,
  registerVerifyCommand,
  registerEventsCommand,
  registerNetworkCommand,
];

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command('ketenboek')
    .description('Ketenboek: the shared ledger of Dutch municipalities and their chain partners')
    .version(packageVersion(), '-V, --version')
    .option('--node <url>', 'URL of the node to talk to', process.env.KETENBOEK_NODE ?? DEFAULT_NODE_URL)
    .option('--home <dir>', 'node home and keyring directory (env KETENBOEK_HOME)', defaultHome())
    .option('--json', 'print machine-readable JSON on stdout')
    // Settings below are inherited by every subcommand created with .command().
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false, showGlobalOptions: true });
  for (const register of COMMANDS) register(program);
  return program;
}
