/**
 * `compute` remembered by its string argument, everything forgotten once `max` are remembered:
 * names and their parts repeat in runs (an entity's entries, a person's aliases), so a plain map
 * cleared now and then catches most repeats at a bounded cost in memory.
 */
export function memoised<T>(compute: (key: string) => T, max: number): (key: string) => T {
  const remembered = new Map<string, T>();
  return (key) => {
    let hit = remembered.get(key);
    if (hit === undefined) {
      if (remembered.size >= max) remembered.clear();
      hit = compute(key);
      remembered.set(key, hit);
    }
    return hit;
  };
}
