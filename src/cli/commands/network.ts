// network init/add-node/start/stop/status: a local multi-organisation network on CometBFT, one
// validator per demo organisation, every node on 127.0.0.1 (see docs/network.md).
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { listArg, positiveIntArg } from '../args.ts';
import { contextOf } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';

const DEFAULT_DIR = '.ketenboek-network';

interface DirOption {
  dir: string;
}

export function registerNetworkCommand(program: Command): void {
  const network = program
    .command('network')
    .description('a local network of CometBFT validators, one per demo organisation');

  network
    .command('init')
    .description('create the node homes, keys and genesis of a new local network')
    .option('--validators <n>', 'number of validators (each a different demo organisation)', '4')
    .option('--dir <dir>', 'directory of the network (must be new or empty)', DEFAULT_DIR)
    .option('--base-port <port>', 'node i uses ports base+10·i … base+10·i+3 (API, RPC, P2P, ABCI)', '26600')
    .option('--chain-id <id>', 'chain id of the network', 'ketenboek-network')
    .action(
      async (o: DirOption & { validators: string; basePort: string; chainId: string }, cmd: Command) => {
        const ctx = contextOf(cmd);
        const validators = positiveIntArg(o.validators, '--validators');
        const basePort = positiveIntArg(o.basePort, '--base-port', 1024);
        if (basePort + 10 * 8 > 65_535)
          throw new UsageError('--base-port leaves no room for the nodes below 65535');
        const { initNetwork } = await import('../../network/init-network.ts');
        const dir = resolve(o.dir);
        const manifest = await initNetwork({ dir, validators, basePort, chainId: o.chainId }).catch(
          asCliError,
        );
        ctx.print({ dir, ...manifest }, () => [
          `created network "${manifest.chainId}" in ${dir} with ${manifest.nodes.length} validators:`,
          ...manifest.nodes.map(
            (n) => `  ${n.name}: API http://127.0.0.1:${n.ports.api}, RPC http://127.0.0.1:${n.ports.rpc}`,
          ),
          `start it with "ketenboek network start --dir ${o.dir}"`,
        ]);
      },
    );

  network
    .command('add-node <name>')
    .description('create the node of a new organisation that joins the network as a full node')
    .requiredOption('--organisation <name>', 'public name of the organisation')
    .option('--oin <oin>', 'OIN of the organisation (a fake one when left out)')
    .option('--dir <dir>', 'directory of the network', DEFAULT_DIR)
    .action(async (name: string, o: DirOption & { organisation: string; oin?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { addNode } = await import('../../network/add-node.ts');
      const node = await addNode({
        dir: resolve(o.dir),
        name,
        organisationName: o.organisation,
        ...(o.oin ? { oin: o.oin } : {}),
      }).catch(asCliError);
      ctx.print(node, () => [
        `created node ${node.name} (validator key ${node.validatorPubKey})`,
        `start it with "ketenboek network start --dir ${o.dir} --nodes ${node.name}"; it becomes a validator when`,
        'the members accept a set_validator proposal for that key (docs/network.md).',
      ]);
    });

  network
    .command('start')
    .description('start the nodes as background processes (logs and pid files in each node home)')
    .option('--dir <dir>', 'directory of the network', DEFAULT_DIR)
    .option('--nodes <names>', 'comma-separated node names (default: all)')
    .action(async (o: DirOption & { nodes?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { startNetwork } = await import('../../network/network-control.ts');
      const started = await startNetwork(resolve(o.dir), { nodes: listArg(o.nodes ?? '') }).catch(asCliError);
      ctx.print(started, () =>
        started.map((s) => `${s.name}: ${s.alreadyRunning ? 'already running' : 'started'} (pid ${s.pid})`),
      );
    });

  network
    .command('stop')
    .description('stop the nodes cleanly')
    .option('--dir <dir>', 'directory of the network', DEFAULT_DIR)
    .option('--nodes <names>', 'comma-separated node names (default: all)')
    .action(async (o: DirOption & { nodes?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { stopNetwork } = await import('../../network/network-control.ts');
      const stopped = await stopNetwork(resolve(o.dir), { nodes: listArg(o.nodes ?? '') }).catch(asCliError);
      ctx.print({ stopped }, () =>
        stopped.length === 0 ? ['no node was running'] : stopped.map((n) => `${n}: stopped`),
      );
    });

  network
    .command('status')
    .description('per node: URLs, height, app hash and whether it is a validator')
    .option('--dir <dir>', 'directory of the network', DEFAULT_DIR)
    .action(async (o: DirOption, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { formatStatus, networkStatus } = await import('../../network/network-status.ts');
      const status = await networkStatus(resolve(o.dir)).catch(asCliError);
      ctx.print(status, () => formatStatus(status));
    });
}

/** Failures of the network functions are expected conditions with a readable message. */
function asCliError(e: unknown): never {
  throw e instanceof Error && !(e instanceof UsageError) ? new CliError(e.message) : e;
}
