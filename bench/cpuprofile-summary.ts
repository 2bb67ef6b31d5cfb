// Summarises a V8 .cpuprofile (node --cpu-prof) as text: the functions with the most self time,
// who called them, and the most inclusive time per function and per source file. Used to find
// where a node's CPU goes under load, e.g. with bench/cometbft-network.ts:
//
//   KETENBOEK_RUN_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" KEEP_NETWORK=1 \
//     node --import tsx bench/cometbft-network.ts --rates=400 --seconds=15
//   node --import tsx bench/cpuprofile-summary.ts /tmp/prof/CPU.*.cpuprofile [--top=30] [--per=N]
//
// --per=N divides every time by N (e.g. the txs committed while profiling) to print µs per tx.
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalUs: number;
  /** Self time per function key. */
  self: Map<string, number>;
  /** Inclusive time per function key (each function counted once per sample). */
  inclusive: Map<string, number>;
  /** Inclusive time per source file. */
  files: Map<string, number>;
  /** For each function, self time split by its caller. */
  callers: Map<string, Map<string, number>>;
}

function keyOf(frame: CallFrame): string {
  const file = frame.url.replace(/^file:\/\//, '').replace(/^.*\/(src|node_modules|bench)\//, '$1/');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

function fileOf(frame: CallFrame): string {
  if (!frame.url) return frame.functionName; // (garbage collector), (program), (idle)
  return frame.url.replace(/^file:\/\//, '').replace(/^.*\/(src|node_modules|bench)\//, '$1/');
}

const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);

export function summarise(profiles: CpuProfile[]): ProfileSummary {
  const summary: ProfileSummary = {
    totalUs: 0,
    self: new Map(),
    inclusive: new Map(),
    files: new Map(),
    callers: new Map(),
  };
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    profile.samples.forEach((id, i) => {
      const us = profile.timeDeltas[i] ?? 0;
      const node = byId.get(id);
      if (!node || node.callFrame.functionName === '(idle)') return;
      summary.totalUs += us;
      const key = keyOf(node.callFrame);
      add(summary.self, key, us);
      const callerId = parent.get(id);
      const caller = callerId === undefined ? '(root)' : keyOf(byId.get(callerId)!.callFrame);
      const perCaller = summary.callers.get(key) ?? new Map<string, number>();
      add(perCaller, caller, us);
      summary.callers.set(key, perCaller);
      const seenFns = new Set<string>();
      const seenFiles = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at)!.callFrame;
        const fn = keyOf(frame);
        if (!seenFns.has(fn)) {
          seenFns.add(fn);
          add(summary.inclusive, fn, us);
        }
        const file = fileOf(frame);
        if (!seenFiles.has(file)) {
          seenFiles.add(file);
          add(summary.files, file, us);
        }
      }
    });
  }
  return summary;
}

function top(map: Map<string, number>, n: number): Array<[string, number]> {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const files = args.filter((a) => !a.startsWith('--'));
  const n = Number(option('top') ?? 30);
  const per = Number(option('per') ?? 0);
  const profiles = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as CpuProfile);
  const s = summarise(profiles);
  const unit = per > 0 ? 'µs/tx' : 'ms';
  const fmt = (us: number) => (per > 0 ? (us / per).toFixed(1) : (us / 1000).toFixed(0)).padStart(9);
  const pct = (us: number) => `${((100 * us) / s.totalUs).toFixed(1).padStart(5)}%`;
  const out: string[] = [`busy (non-idle) CPU: ${fmt(s.totalUs)} ${unit} in ${files.length} profile(s)`, ''];
  out.push(`## self time (${unit})`);
  for (const [key, us] of top(s.self, n)) {
    out.push(`${fmt(us)} ${pct(us)}  ${key}`);
    for (const [caller, cus] of top(s.callers.get(key)!, 3)) out.push(`            ${fmt(cus)}  ← ${caller}`);
  }
  out.push('', `## inclusive time per function (${unit})`);
  for (const [key, us] of top(s.inclusive, n)) out.push(`${fmt(us)} ${pct(us)}  ${key}`);
  out.push('', `## inclusive time per file (${unit})`);
  for (const [key, us] of top(s.files, n)) out.push(`${fmt(us)} ${pct(us)}  ${key}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
