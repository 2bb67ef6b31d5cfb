// Collects named checks for a verdict: each check either passes or says why not, and a check that
// throws (malformed input) fails with its message instead of aborting the whole verdict.
export interface NamedCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export function checklist() {
  const checks: NamedCheck[] = [];
  const check = (name: string, fn: () => true | string) => {
    let res: true | string;
    try {
      res = fn();
    } catch (e) {
      res = `cannot check: ${(e as Error).message}`;
    }
    checks.push({ name, ok: res === true, detail: res === true ? 'ok' : res });
  };
  return { checks, check };
}
