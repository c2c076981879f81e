import type { Server } from 'node:http';

/** How often idle keep-alive connections are closed while in-flight requests finish. */
const IDLE_SWEEP_MS = 100;

/**
 * Stops an HTTP server gracefully: no new connections, idle keep-alive connections closed
 * now, busy ones as soon as their response is done (the gateway also answers with
 * `Connection: close` while shutting down); resolves when the last connection is gone. No
 * deadline here: the caller (main.ts) exits anyway when its deadline passes.
 */
export function drainHttpServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * On SIGTERM or SIGINT, runs `shutdown` once and exits 0 when it is done, or 1 if it
 * fails or has not finished after `deadlineMs` (a client that never reads its response
 * must not keep the process alive). A second signal during shutdown changes nothing.
 */
export function onTerminationSignals(
  logger: { info(o: object, m: string): void; error(o: object, m: string): void },
  deadlineMs: number,
  shutdown: (signal: NodeJS.Signals) => Promise<void>,
): void {
  let started = false;
  const stop = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    logger.info({ signal, deadlineMs }, 'shutting down: finishing in-flight requests');
    setTimeout(() => {
      logger.error({ deadlineMs }, 'shutdown deadline passed: exiting with requests unfinished');
      process.exit(1);
    }, deadlineMs);
    shutdown(signal).then(
      () => {
        logger.info({}, 'shut down');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
