/**
 * What the fault-injection run did, counted from what the tests observed on the platforms (never assumed): the
 * summary line the test command prints.
 */
export class FaultTally {
  private readonly scenarios = new Set<string>();
  private posts = 0;
  private duplicates = 0;
  private parked = 0;
  private inbound = 0;
  private answers = 0;

  scenario(name: string): void {
    this.scenarios.add(name);
  }

  /** `onPlatform` posts were found for `expected` pieces of work; anything beyond one each is a duplicate. */
  published(expected: number, onPlatform: number): void {
    this.posts += onPlatform;
    this.duplicates += Math.max(0, onPlatform - expected);
  }

  parkedAsExpected(n = 1): void {
    this.parked += n;
  }

  /** inbound events stored and answers sent for them */
  engaged(stored: number, answered: number): void {
    this.inbound += stored;
    this.answers += answered;
  }

  line(): string {
    return (
      `fault injection: ${this.scenarios.size} scenarios, ${this.posts} posts, ${this.duplicates} duplicates, ` +
      `${this.parked} parked as expected, ${this.inbound} inbound events answered ${this.answers} times`
    );
  }
}
