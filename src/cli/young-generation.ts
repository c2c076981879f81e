/**
 * V8's young generation for the server. Every GraphQL request allocates its rows, entities
 * and result tree and drops them when the response is sent; with V8's default semi-space
 * (16 MB) ten concurrent nested pages outlive a scavenge, get copied and promoted, and
 * garbage collection took 40 % of the server's CPU on the nested page. 64 MB lets them die
 * young: test/bench/RESULTS.md has the measurement. The setting only exists at start-up
 * (V8 sizes its heap once), so `serve` starts Node again with it where Node can.
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
  if (givenFlags(execArgv, env).some((a) => a.startsWith(FLAG))) return null;
  const raw = env.V8_SEMI_SPACE_MB?.trim() || String(DEFAULT_SEMI_SPACE_MB);
  if (!/^\d{1,4}$/.test(raw) || Number(raw) > 1024) {
    throw new Error(`V8_SEMI_SPACE_MB must be a whole number of MB from 0 (V8's default) to 1024, got ${JSON.stringify(raw)}`);
  }
  return raw === '0' ? null : `${FLAG}=${Number(raw)}`;
}

/** The semi-space this process runs with, in MB, as given to Node; null: V8's default. */
export function semiSpaceMbInUse(execArgv: readonly string[], env: NodeJS.ProcessEnv): number | null {
  const sizes = givenFlags(execArgv, env).map((a) => /^--max-semi-space-size=(\d+)$/.exec(a)).filter((m) => m !== null);
  return sizes.length ? Number(sizes[sizes.length - 1]![1]) : null;
}

/** Node's options from its command line and from NODE_OPTIONS (which V8 reads too). */
function givenFlags(execArgv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  return [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)];
}

/**
 * Replaces this process by Node started again with `flag` and the same arguments and
 * environment (`process.execve`: same PID, so signals, supervisors and CPU accounting see
 * one process). Returns false where Node cannot do that (before 22.15: Node 20), and the
 * server runs with V8's default; give the flag on the command line there.
 */
export function relaunch(flag: string): boolean {
  const execve = (process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never }).execve;
  if (typeof execve !== 'function') return false;
  return execve.call(process, process.execPath, [process.execPath, ...process.execArgv, flag, ...process.argv.slice(1)], { ...process.env, [RELAUNCHED]: '1' });
}
