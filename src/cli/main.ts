// Entry of the `ketenboek` command (bin/ketenboek.js): runs one command and returns its exit code.
import { CommanderError } from 'commander';
import { errorLine, exitCodeOf } from './errors.ts';
import { buildProgram } from './program.ts';

// `ketenboek query blocks | head` closes stdout early: that is the reader's choice, not an error.
function exitQuietlyOnClosedStdout(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

export async function main(argv: string[]): Promise<number> {
  exitQuietlyOnClosedStdout();
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    // Commander has already printed its own one-line message (or the help).
    if (!(e instanceof CommanderError)) {
      process.stderr.write(`${errorLine(e)}\n`);
      if (process.env.KETENBOEK_DEBUG && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    }
    return exitCodeOf(e);
  }
}
