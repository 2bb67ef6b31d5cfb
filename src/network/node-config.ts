// config.toml settings for a node of a network whose nodes all run on one machine (127.0.0.1).
// CometBFT's defaults are made for nodes on different continents; here a round trip is microseconds.
import type { TomlValue } from '../engines/cometbft/config-toml.ts';
import type { NetworkNode } from './network-layout.ts';

export const LOCAL_HOST = '127.0.0.1';

export function localNodeConfig(node: NetworkNode, persistentPeers: string[]): Record<string, TomlValue> {
  return {
    moniker: node.name,
    proxy_app: `tcp://${LOCAL_HOST}:${node.ports.abci}`,
    'rpc.laddr': `tcp://${LOCAL_HOST}:${node.ports.rpc}`,
    'p2p.laddr': `tcp://${LOCAL_HOST}:${node.ports.p2p}`,
    'p2p.persistent_peers': persistentPeers.join(','),
    // Every peer has the same IP, and 127.0.0.1 is not a routable address: both are refused by default.
    'p2p.allow_duplicate_ip': true,
    'p2p.addr_book_strict': false,
    // The peers are known; address exchange would only add noise.
    'p2p.pex': false,
    // Batching gossip for 100 ms saves bandwidth on the internet and costs latency here. Measured
    // (4 nodes, 300–500 tx/s): 50 ms saved ~8% of CometBFT's CPU per tx but raised p95 finality.
    'p2p.flush_throttle_timeout': '10ms',
    'p2p.send_rate': 20_480_000,
    'p2p.recv_rate': 20_480_000,
    'p2p.dial_timeout': '1s',
    // A stopped peer is redialled with backoff; keep the longest wait short so a restart rejoins fast.
    'p2p.persistent_peers_max_dial_period': '2s',
    // Blocks every few hundred milliseconds. A missing proposer costs two seconds, not three; less
    // made rounds fail under load, when a busy proposer's block arrived late, which cost far more.
    'consensus.timeout_propose': '2s',
    // Longer (800 ms) made bigger blocks and saved ~10% CPU per tx, but doubled p95 finality.
    'consensus.timeout_commit': '300ms',
    // The default 100 ms delays every consensus step's votes and block parts: p95 finality at
    // 300 tx/s went from ~2 s to ~7 s for ~10% less CometBFT CPU.
    'consensus.peer_gossip_sleep_duration': '20ms',
    // Without txs a block every second or so, so block time (deadlines) keeps moving on an idle chain.
    'consensus.create_empty_blocks': true,
    'consensus.create_empty_blocks_interval': '1s',
    // A few seconds of load: beyond that a node answers "mempool full" (HTTP 503, retry later)
    // instead of queueing txs whose finality would take minutes, and every block's recheck of the
    // waiting txs stays cheap. The cache catches resubmissions.
    'mempool.size': 5_000,
    // mempool.broadcast stays on: without gossip a tx waits for its own node's turn to propose
    // (p95 ~5 s at 300 tx/s, though it saved ~40% of CometBFT's CPU per tx), and txs sent to a
    // full node would never reach a proposer. mempool.recheck stays on: it drops txs whose nonce
    // was used meanwhile.
    'mempool.cache_size': 100_000,
    'mempool.max_tx_bytes': 65_536,
    // The app keeps its own tx index and results (GET /v1/transactions/{hash}); CometBFT's copies
    // would double the writes. Blocks and commits stay available over RPC.
    'tx_index.indexer': 'null',
    'storage.discard_abci_responses': true,
  };
}
