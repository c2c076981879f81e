import { spawn } from 'node:child_process';

/**
 * V8's young generation for the server. Every GraphQL request allocates its rows, entities
 * and result tree and drops them when the response is sent; with V8's default semi-space
 * (16 MB) ten concurrent nested pages outlive a scavenge, get copied and promoted, and
 * garbage collection took 40 % of the server's CPU on the nested page. 64 MB lets them die
 * young: test/bench/RESULTS.md has the measurement. The setting only exists at start-up
 * (V8 sizes its heap once), so `serve` starts Node again with it.
 */
export const DEFAULT_SEMI_SPACE_MB = 64;

/** Set in the relaunched process, so it never relaunches again. */
const RELAUNCHED = 'CLUSTERGRAPH_RELAUNCHED';

const FLAG = '--max-semi-space-size';

/**
 * The V8 flag `serve` should run with, or null to run as it is: another command, the flag
 * already given (on the command line or in NODE_OPTIONS), `V8_SEMI_SPACE_MB=0`, or this is
 * the relaunched process. Throws on a value that is not a size in MB.
 */
export function youngGenerationFlag(argv: readonly string[], execArgv: readonly string[], env: NodeJS.ProcessEnv): string | null {
  if (argv[2] !== 'serve' || env[RELAUNCHED] === '1') return null;
  if ([...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.startsWith(FLAG))) return null;
  const raw = env.V8_SEMI_SPACE_MB?.trim() || String(DEFAULT_SEMI_SPACE_MB);
  if (!/^\d{1,4}$/.test(raw) || Number(raw) > 1024) {
    throw new Error(`V8_SEMI_SPACE_MB must be a whole number of MB from 0 (V8's default) to 1024, got ${JSON.stringify(raw)}`);
  }
  return raw === '0' ? null : `${FLAG}=${Number(raw)}`;
}

/**
 * Runs this command again in a child Node with `flag`, on the same terminal, and mirrors
 * it: signals that stop a server are passed on, its exit code or signal becomes ours. If
 * this process dies without passing anything on (SIGKILL), the child stops too, at once,
 * rather than serve on unsupervised: it notices its IPC channel close.
 */
export function relaunch(flag: string): void {
  const child = spawn(process.execPath, [...process.execArgv, flag, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [RELAUNCHED]: '1' },
  });
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (err) => {
    process.stderr.write(`clustergraph: cannot start node again with ${flag}: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
}

/** In the relaunched child: stop at once when the parent is gone (its IPC channel closed). */
export function followParent(): void {
  if (process.env[RELAUNCHED] !== '1' || !process.channel) return;
  process.channel.unref(); // the channel alone must not keep the server's process alive
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}
