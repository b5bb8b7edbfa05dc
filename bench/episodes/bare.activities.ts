/** The bare episode's only activity: a round trip through Temporal with no I/O of its own. */
export function createBareActivities() {
  return {
    async noop(input: { step: number }): Promise<number> {
      return input.step;
    },
  };
}
