import type { MutexInterface } from 'async-mutex';

/**
 * How long one transaction waits in all for other writers: the in-process queue, another
 * process's SQLite write lock, PostgreSQL row locks and re-runs after deadlocks. Past it the
 * caller gets a retryable CONFLICT (DatabaseBusyError) instead of a request that hangs.
 */
export const WRITE_WAIT_MS = 5000;

/** Runs of one re-runnable transaction after deadlocks or serialization failures, at most. */
export const MAX_RUNS = 5;

/**
 * What a driver error says about contention: `busy` when another writer held a lock we
 * needed (SQLITE_BUSY "database is locked", PostgreSQL's lock_timeout), `clash` when the
 * database aborted us to resolve a cycle or a serialization conflict (40P01, 40001);
 * null for every other error.
 */
export function contentionOf(err: unknown): 'busy' | 'clash' | null {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = String(e?.driverError?.code ?? e?.code ?? '');
  if (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED' || code === '55P03') return 'busy';
  if (code === '40P01' || code === '40001') return 'clash';
  return null;
}

/**
 * Thrown before a transaction's body ran (its BEGIN never got the write lock, or its turn
 * in the queue never came): the body may always be run again.
 */
export class NotStarted extends Error {
  constructor() {
    super('the transaction did not get the write lock in time');
  }
}

/** The pause before try `attempt` (1, 2, …): short, growing, jittered, never past the deadline. */
export function backoffMs(attempt: number, deadline: number, cap = 50): number {
  const grown = Math.min(cap, 2 ** Math.min(attempt, 10));
  const jittered = grown / 2 + Math.random() * (grown / 2);
  return Math.max(0, Math.min(jittered, deadline - Date.now()));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The mutex's turn, or NotStarted when it does not come before the deadline. A waiter that
 * gave up still gets its turn later and hands it on at once, so the queue stays intact.
 */
export async function turnBefore(mutex: MutexInterface, deadline: number): Promise<MutexInterface.Releaser> {
  const acquiring = mutex.acquire();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()));
  });
  const release = await Promise.race([acquiring, late]);
  clearTimeout(timer);
  if (release === null) {
    void acquiring.then((r) => r());
    throw new NotStarted();
  }
  return release;
}
