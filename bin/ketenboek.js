#!/usr/bin/env node
// The `ketenboek` command: registers tsx so the TypeScript sources run as they are, then hands
// over to src/cli/main.ts. Paths resolve against this file, so any working directory works.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
