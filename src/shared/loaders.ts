import DataLoader from 'dataloader';

/**
 * Keys that can be looked up at all. No stored text contains NUL (PostgreSQL cannot even
 * take it as a parameter), so such a key is simply unknown and never reaches SQL.
 */
function storable<K extends string | number>(keys: readonly K[]): K[] {
  return keys.filter((k) => typeof k !== 'string' || !k.includes('\u0000'));
}

/**
 * A per-request loader of one value per key: `fetch` returns the rows found, `keyOf` says
 * which key each belongs to; missing keys resolve to null (graphql/dataloader's contract).
 */
export function oneByKey<K extends string | number, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (value: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const found = new Map<K, V>();
    const wanted = storable(keys);
    if (wanted.length) for (const v of await fetch(wanted)) found.set(keyOf(v), v);
    return keys.map((k) => found.get(k) ?? null);
  }, { maxBatchSize: 1000 });
}

/** A per-request loader of a list per key (a one-to-many or many-to-many relation), order kept. */
export function manyByKey<K extends string | number, V>(
  fetch: (keys: readonly K[]) => Promise<{ key: K; value: V }[]>,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = new Map<K, V[]>();
    const wanted = storable(keys);
    for (const { key, value } of wanted.length ? await fetch(wanted) : []) {
      const list = groups.get(key);
      if (list) list.push(value);
      else groups.set(key, [value]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  }, { maxBatchSize: 1000 });
}
