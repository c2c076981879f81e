type BatchFn = (keys: readonly unknown[]) => unknown;

/**
 * Makes each DataLoader of a just-made group report its batch sizes. DataLoader has no
 * hook for it; it calls the batch function it keeps as `_batchLoadFn` (dataloader 2.x) at
 * every dispatch, so that is wrapped, for every loader of every module, in this one place.
 * test/server/observability/metrics.test.ts fails if a DataLoader release moves it.
 */
export function reportBatches(loaders: Record<string, unknown>, onBatch: (loader: string, size: number) => void): void {
  for (const [name, loader] of Object.entries(loaders)) {
    const l = loader as { _batchLoadFn?: BatchFn };
    const batch = l._batchLoadFn;
    if (typeof batch !== 'function') continue;
    l._batchLoadFn = (keys) => {
      onBatch(name, keys.length);
      return batch(keys);
    };
  }
}
