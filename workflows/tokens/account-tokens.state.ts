import type { AccountTokensView, TokenSchedule, TokenStepOutcome } from '../contracts/tokens.contract';

/**
 * The token workflow's state and message handlers (safe-message-handlers shape): signals only wake the loop or ask
 * it to stop; the loop alone decides what happens next.
 */
export class AccountTokensState {
  readonly view: AccountTokensView = { step: null, dueAt: null, lastOutcome: null, iterations: 0 };
  /** set by every message; the loop clears it before it reads the schedule */
  wake = false;
  stopped = false;

  readonly onReconnected = (): void => {
    this.wake = true;
  };

  readonly onStop = (): void => {
    this.stopped = true;
    this.wake = true;
  };

  readonly woken = (): boolean => this.wake || this.stopped;

  planned(plan: TokenSchedule): void {
    this.view.iterations += 1;
    this.view.step = plan.step;
    this.view.dueAt = plan.at ?? null;
  }

  finished(outcome: TokenStepOutcome): void {
    this.view.lastOutcome = outcome;
  }
}
