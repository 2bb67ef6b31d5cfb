// Lowers the scheduling priority of the calling thread (Linux only; elsewhere nothing happens).
// On Linux every thread has its own id and nice value, and setpriority() on that id changes only
// that thread. Other systems have no such per-thread id, and the number could name another
// process, so nothing is changed there.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Adds `niceness` to this thread's nice value (at most 19: higher yields more); returns whether it was applied. */
export function lowerThisThreadPriority(niceness: number): boolean {
  if (process.platform !== 'linux' || !Number.isInteger(niceness) || niceness <= 0) return false;
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>" for the thread that reads it.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isSafeInteger(tid) || tid <= 0) return false;
    setPriority(tid, Math.min(getPriority(tid) + niceness, 19));
    return true;
  } catch {
    return false;
  }
}
