import { encodeSignedTx } from '../../core/tx.ts';
import { signTx } from '../../core/tx-node.ts';
import type { EmbeddedEngine } from '../../engines/embedded/embedded-engine.ts';
import type { Keyring } from '../keyring.ts';
import type { DemoContext } from './demo-context.ts';

export function demoContextOf(
  engine: EmbeddedEngine,
  keyring: Keyring,
  log: (line: string) => void,
): DemoContext {
  const app = engine.app;
  const chainId = app.info().chainId;
  return {
    keyring,
    key: (name) => keyring.get(name),
    now: () => app.store.block(app.lastHeight)?.header.time ?? app.genesis()!.genesisTime,
    log,
    async send(keyName, type, body) {
      const k = keyring.get(keyName);
      const tx = signTx(
        { v: 1, chainId, type, signer: k.publicKey, nonce: app.nextNonce(k.publicKey), body },
        k.privateKey,
      );
      const check = await engine.submit(encodeSignedTx(tx));
      if (check.code !== 0)
        throw new Error(`demo tx ${type} by ${keyName} refused: ${check.error}: ${check.log}`);
      const c = await engine.waitForCommit(check.hash);
      if (c.result.code !== 0)
        throw new Error(`demo tx ${type} by ${keyName} failed: ${c.result.error}: ${c.result.log}`);
      return { ...c.result, hash: c.hash, height: c.height };
    },
  };
}
