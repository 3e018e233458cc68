/**
 * Counts the turns of the event loop while `work` runs (a setImmediate that schedules itself): the
 * way tests see that long work lets the app answer in between. `turns()` reads the count so far.
 */
export async function countingTurns<T>(work: (turns: () => number) => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let ticking = true;
  const tick = () => {
    turns++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    const result = await work(() => turns);
    return { result, turns };
  } finally {
    ticking = false;
  }
}
