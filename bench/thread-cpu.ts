// CPU time of this process's main thread (Linux /proc), so the cost of the state machine per tx
// can be read even when other work shares the machine; wall-clock rates cannot.
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Milliseconds of CPU the main thread has used, or undefined where /proc is not available. */
export function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Main-thread CPU per item in milliseconds since `startMs`, rounded to µs. */
export function mainThreadMsPer(startMs: number | undefined, items: number): number | undefined {
  const now = mainThreadCpuMs();
  if (startMs === undefined || now === undefined) return undefined;
  return Math.round(((now - startMs) / items) * 1000) / 1000;
}
