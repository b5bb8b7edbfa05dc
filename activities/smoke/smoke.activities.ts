/** Activities of the smoke workflow: no dependencies, no side effects. */
export function createSmokeActivities() {
  return {
    async greet(name: string): Promise<string> {
      return `hello, ${name}`;
    },
  };
}
