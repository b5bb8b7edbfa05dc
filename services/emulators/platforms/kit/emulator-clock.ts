/**
 * An emulator's notion of now, which tests move forward (a token 61 days old, a quota window that rolled) without
 * waiting. Starts at the real time.
 */
export class EmulatorClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}
