// `ketenboek tx ...`: each module registers its subcommands from its own file; add it to this list.
import type { Command } from 'commander';
import { registerAnchorTx } from './anchor.ts';
import { registerIdentityTx } from './identity.ts';

export type TxRegistrar = (tx: Command) => void;

export const TX_MODULES: TxRegistrar[] = [registerAnchorTx, registerIdentityTx];

export function registerTxCommands(program: Command): void {
  const tx = program
    .command('tx')
    .description('sign and send transactions (keys from the keyring in --home)');
  for (const register of TX_MODULES) register(tx);
}
