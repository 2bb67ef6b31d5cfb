// Further benchmark sections (budgets, CometBFT network, ...): each returns its markdown lines.
import { budgetsBenchSection } from './budgets-payments.ts';
import { cometbftNetworkSection } from './cometbft-network.ts';

export interface BenchSection {
  name: string;
  run(opts: { quick: boolean; log: (line: string) => void }): Promise<string[]>;
}

export const BENCH_SECTIONS: BenchSection[] = [budgetsBenchSection, cometbftNetworkSection];
