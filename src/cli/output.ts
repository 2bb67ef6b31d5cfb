// Output: JSON on stdout with --json (for scripts), readable text otherwise.

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'string') return v === '' ? '""' : v;
  return String(v);
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

/** Indented "key: value" text of any JSON value; short scalar arrays stay on one line. */
export function renderValue(value: unknown, indent = ''): string[] {
  if (isScalar(value)) return [`${indent}${scalar(value)}`];
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}(none)`];
    if (value.every(isScalar)) return [`${indent}${value.map(scalar).join(', ')}`];
    return value.flatMap((item) => {
      const [first = '', ...rest] = renderValue(item, `${indent}  `);
      return [`${indent}- ${first.trimStart()}`, ...rest];
    });
  }
  const lines: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    if (isScalar(v) || (Array.isArray(v) && (v.length === 0 || v.every(isScalar)))) {
      lines.push(`${indent}${k}: ${renderValue(v)[0]?.trimStart()}`);
    } else {
      lines.push(`${indent}${k}:`, ...renderValue(v, `${indent}  `));
    }
  }
  return lines.length > 0 ? lines : [`${indent}{}`];
}

/** A plain left-aligned table; the last column is not padded. */
export function renderTable(headers: string[], rows: unknown[][]): string[] {
  const cells = [headers, ...rows.map((r) => r.map(scalar))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}
