// Remembers tx hashes whose signature was already checked (in CheckTx or by a worker), so a block
// does not verify them twice. Purely a cache: a miss just verifies again, with the same outcome.
export class VerifiedSignatures {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity: number) {}

  has(hash: string): boolean {
    return this.seen.has(hash);
  }

  add(hash: string): void {
    if (this.seen.has(hash)) return;
    if (this.seen.size >= this.capacity) {
      // Sets iterate in insertion order: drop the oldest.
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    this.seen.add(hash);
  }
}
