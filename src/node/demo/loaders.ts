// Demo loaders in order; each module adds its own file and one line here.
import { anchorDemo } from './anchor-demo.ts';
import type { DemoLoader } from './demo-context.ts';

export const DEMO_LOADERS: DemoLoader[] = [anchorDemo];
