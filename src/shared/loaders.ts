import DataLoader from 'dataloader';

/** Where a request's loaders report the keys of each batch they send (the metrics); optional. */
export type BatchReport = (loader: string, size: number) => void;

/**
 * A batch function that reports its batch sizes under a loader's name before it runs. Every
 * per-request DataLoader is made with one, so `clustergraph_dataloader_batch_size` sees them all.
 */
export function reportingBatch<K, V>(
  name: string, report: BatchReport | undefined, batch: DataLoader.BatchLoadFn<K, V>,
): DataLoader.BatchLoadFn<K, V> {
  if (!report) return batch;
  return (keys) => {
    report(name, keys.length);
    return batch(keys);
  };
}

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
  name: string,
  report: BatchReport | undefined,
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (value: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(reportingBatch(name, report, async (keys: readonly K[]) => {
    const found = new Map<K, V>();
    const wanted = storable(keys);
    if (wanted.length) for (const v of await fetch(wanted)) found.set(keyOf(v), v);
    return keys.map((k) => found.get(k) ?? null);
  }), { maxBatchSize: 1000 });
}

/** A per-request loader of a list per key (a one-to-many or many-to-many relation), order kept. */
export function manyByKey<K extends string | number, V>(
  name: string,
  report: BatchReport | undefined,
  fetch: (keys: readonly K[]) => Promise<{ key: K; value: V }[]>,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(reportingBatch(name, report, async (keys: readonly K[]) => {
    const groups = new Map<K, V[]>();
    const wanted = storable(keys);
    for (const { key, value } of wanted.length ? await fetch(wanted) : []) {
      const list = groups.get(key);
      if (list) list.push(value);
      else groups.set(key, [value]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  }), { maxBatchSize: 1000 });
}
