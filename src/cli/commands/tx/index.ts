// `ketenboek tx ...`: each module registers its subcommands from its own file. To add a module:
//   1. src/cli/commands/tx/<module>.ts exports `register<Module>Tx(tx: Command)`, which declares each
//      subcommand with `txCommand(parent, 'name <arg>', 'description')` (adds --from and --no-wait),
//      checks its arguments with ../../args.ts (usage errors exit 2), and ends its action with
//      `await sendTx(cmd, '<module>.<message>', body)` (checks the body against the module's schema,
//      signs with --from, sends, prints; --json and errors handled);
//   2. add it to TX_MODULES below.
import type { Command } from 'commander';
import { registerAnchorTx } from './anchor.ts';
import { registerBudgetsTx } from './budgets.ts';
import { registerCasesTx } from './cases.ts';
import { registerIdentityTx } from './identity.ts';
import { registerRegistryTx } from './registry.ts';
import { registerVotingTx } from './voting.ts';

export type TxRegistrar = (tx: Command) => void;

export const TX_MODULES: TxRegistrar[] = [
  registerAnchorTx,
  registerIdentityTx,
  registerBudgetsTx,
  registerRegistryTx,
  registerCasesTx,
  registerVotingTx,
];

export function registerTxCommands(program: Command): void {
  const tx = program
    .command('tx')
    .description('sign and send transactions (keys from the keyring in --home)');
  for (const register of TX_MODULES) register(tx);
}
