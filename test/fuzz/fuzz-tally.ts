/** What one input did, as the summary counts it. */
export type FuzzOutcome = 'accepted' | 'refused';

export type FuzzTarget = 'graphql' | 'documents' | 'webhooks' | 'csv' | 'uploads';

/**
 * The step's counts: inputs per target, GraphQL fields and webhook endpoints covered, and the two failures the
 * properties look for (a server error, a write left behind by a refused input). A property fails on the first of
 * either; the counts say how far the run got.
 */
export class FuzzTally {
  private readonly inputs = new Map<FuzzTarget, { accepted: number; refused: number }>();
  readonly fields = new Set<string>();
  readonly endpoints = new Set<string>();
  serverErrors = 0;
  partialWrites = 0;

  record(target: FuzzTarget, outcome: FuzzOutcome): void {
    const c = this.inputs.get(target) ?? { accepted: 0, refused: 0 };
    c[outcome]++;
    this.inputs.set(target, c);
  }

  total(target?: FuzzTarget): number {
    const pick = target ? [this.inputs.get(target)] : [...this.inputs.values()];
    return pick.reduce((n, c) => n + (c ? c.accepted + c.refused : 0), 0);
  }

  perTarget(): string {
    return [...this.inputs.entries()]
      .map(([t, c]) => `${t} ${c.accepted + c.refused} (${c.refused} refused)`)
      .join(', ');
  }

  summary(seed: number): string {
    return (
      `fuzz: ${this.total()} inputs over ${this.fields.size} GraphQL fields, ${this.endpoints.size} webhook endpoints, ` +
      `CSV, uploads: ${this.serverErrors} server errors, ${this.partialWrites} partial writes (seed ${seed})`
    );
  }
}
