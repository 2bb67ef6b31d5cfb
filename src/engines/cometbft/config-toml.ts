// Edits individual keys of CometBFT's generated config.toml in place, keeping its comments.
// Only for the flat `key = value` lines `cometbft init` writes; not a general TOML writer.
import { readFileSync, writeFileSync } from 'node:fs';

export type TomlValue = string | number | boolean;

/** Keys are `section.key` (e.g. `consensus.timeout_commit`) or a bare top-level key (`proxy_app`). */
export function setTomlValues(path: string, values: Record<string, TomlValue>): void {
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const [dotted, value] of Object.entries(values)) {
    const dot = dotted.lastIndexOf('.');
    const section = dot === -1 ? '' : dotted.slice(0, dot);
    const key = dot === -1 ? dotted : dotted.slice(dot + 1);
    let current = '';
    let found = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
      if (header) {
        current = header[1]!.trim();
        continue;
      }
      if (current === section && new RegExp(`^\\s*${escapeRegExp(key)}\\s*=`).test(line)) {
        lines[i] = `${key} = ${formatValue(value)}`;
        found = true;
        break;
      }
    }
    // A missing key means a CometBFT version with a different layout: fail loudly, not silently.
    if (!found) throw new Error(`config key ${dotted} not found in ${path}`);
  }
  writeFileSync(path, lines.join('\n'));
}

function formatValue(value: TomlValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
