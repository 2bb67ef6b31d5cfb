// Demo loaders in order; each module adds its own file and one line here.
import { anchorDemo } from './anchor-demo.ts';
import { budgetsDemo } from './budgets-demo.ts';
import { casesDemo } from './cases-demo.ts';
import type { DemoLoader } from './demo-context.ts';
import { registryDemo } from './registry-demo.ts';
import { votingDemo } from './voting-demo.ts';

export const DEMO_LOADERS: DemoLoader[] = [anchorDemo, budgetsDemo, registryDemo, votingDemo, casesDemo];
