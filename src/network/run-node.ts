// Entry of one network node process: `node --import tsx src/network/run-node.ts <node home>`.
// `ketenboek network start` spawns it detached, with stdout and stderr going to node.log.
// Exit codes: 0 stopped on request, 3 the app store was refused (app-hash mismatch), 4 CometBFT
// stopped by itself, 5 the app failed on a block, 1 anything else.
import { resolve } from 'node:path';
import { nodePaths } from './network-layout.ts';
import { removePid, writePid } from './pid-files.ts';
import {
  EXIT_APP_FATAL,
  EXIT_COMETBFT_FAILED,
  NodeStartError,
  startCometbftNode,
} from './start-cometbft-node.ts';

const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);

async function main(): Promise<number> {
  const home = process.argv[2];
  if (!home) {
    log('usage: run-node.ts <node home>');
    return 2;
  }
  const paths = nodePaths(resolve(home));
  writePid(paths.runNodePid, process.pid);
  let node: Awaited<ReturnType<typeof startCometbftNode>>;
  try {
    node = await startCometbftNode(paths.home, log);
  } catch (error) {
    removePid(paths.runNodePid);
    log(`FATAL: ${(error as Error).message}`);
    return error instanceof NodeStartError ? error.exitCode : 1;
  }

  const stopRequested = new Promise<NodeJS.Signals>((done) => {
    process.once('SIGTERM', () => done('SIGTERM'));
    process.once('SIGINT', () => done('SIGINT'));
  });
  const outcome = await Promise.race([
    stopRequested.then((signal) => ({ signal })),
    node.ended.then((end) => ({ end })),
  ]);
  if ('signal' in outcome) log(`${outcome.signal}: stopping node ${node.name}`);
  else log(`FATAL: ${outcome.end.message}`);
  await node.stop();
  removePid(paths.runNodePid);
  if ('signal' in outcome) return 0;
  return outcome.end.cause === 'app-fatal' ? EXIT_APP_FATAL : EXIT_COMETBFT_FAILED;
}

process.exitCode = await main();
// Handles (sockets, timers of the API's event streams) must not keep a stopped node alive.
setTimeout(() => process.exit(), 200).unref();
