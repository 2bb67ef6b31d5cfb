import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { KetenboekApiError, KetenboekNetworkError } from '../client/errors.ts';
import { CliError, errorLine, exitCodeOf, UsageError } from './errors.ts';

describe('CLI error reporting', () => {
  it('names the stable code and the detail of a refusal, with its invalid params, on one line', () => {
    const e = new KetenboekApiError({
      title: 'Invalid transaction body',
      status: 400,
      code: 'tx.invalid_body',
      detail: 'The body of anchor.create is invalid.\nSee invalidParams.',
      invalidParams: [{ name: 'body.hash', reason: 'must be 32 bytes in lowercase hex' }],
    });
    expect(errorLine(e)).toBe(
      'error: tx.invalid_body: The body of anchor.create is invalid. See invalidParams. (body.hash: must be 32 bytes in lowercase hex)',
    );
    expect(exitCodeOf(e)).toBe(1);
  });

  it('explains an unreachable node and how to fix it', () => {
    const cause = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const line = errorLine(new KetenboekNetworkError('http://127.0.0.1:9', cause));
    expect(line).toMatch(/^error: cannot reach the node at http:\/\/127\.0\.0\.1:9 \(connection refused\);/);
    expect(line).not.toContain('\n');
  });

  it('exits 2 for usage errors (ours and Commander’s) and 0 for help', () => {
    expect(exitCodeOf(new UsageError('x'))).toBe(2);
    expect(exitCodeOf(new CommanderError(1, 'commander.unknownOption', 'x'))).toBe(2);
    expect(exitCodeOf(new CommanderError(0, 'commander.helpDisplayed', 'x'))).toBe(0);
    expect(exitCodeOf(new CliError('x'))).toBe(1);
  });

  it('hints at KETENBOEK_DEBUG only for unexpected errors', () => {
    expect(errorLine(new Error('no key named "x"'))).toBe('error: no key named "x"');
    expect(errorLine(new TypeError('undefined is not a function'))).toMatch(/KETENBOEK_DEBUG=1/);
  });
});
