import { Format, SingleBar, type GenericFormatter } from 'cli-progress';

/** Progress of one long command (seed --synthetic, import, sync). */
export interface Progress {
  /** n more items are done (default 1). */
  tick(n?: number): void;
  /** The total became known (or changed). */
  setTotal(total: number): void;
  /** Stops drawing and leaves the line as it is; call once, also on failure. */
  finish(): void;
}

/** Only a person at a terminal gets a bar; CI logs, pipes and files get nothing at all. */
export function isInteractive(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return stream.isTTY === true && !ci && env.TERM !== 'dumb';
}

const WITH_TOTAL = '{label} {bar} {value}/{total} | {rate}/s | {eta_formatted} left';
const WITHOUT_TOTAL = '{label} {value} done | {rate}/s | {duration_formatted}';

/**
 * A progress bar on stderr (done/total, rate, time left) drawn with cli-progress, or a
 * silent no-op when the stream is not an interactive terminal. The command prints its own
 * one-line summary on stdout when it is done; this never writes to stdout.
 */
export function startProgress(
  label: string, total?: number, stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env,
): Progress {
  if (!isInteractive(stream, env)) return { tick() {}, setTotal() {}, finish() {} };

  let knownTotal = total !== undefined && total > 0;
  // cli-progress has no rate token: compute it per redraw and keep its own formatter for the rest.
  const format: GenericFormatter = (options, params, payload) => {
    const seconds = Math.max((Date.now() - params.startTime) / 1000, 0.001);
    const rate = Math.round(params.value / seconds).toLocaleString('en');
    return Format.Formatter({ ...options, format: knownTotal ? WITH_TOTAL : WITHOUT_TOTAL }, params, { ...payload, label, rate });
  };
  const bar = new SingleBar({ stream, format, hideCursor: true, etaBuffer: 50, gracefulExit: true });
  bar.start(knownTotal ? total! : 0, 0);
  let finished = false;
  return {
    tick(n = 1) {
      if (!finished) bar.increment(n);
    },
    setTotal(next) {
      knownTotal = next > 0;
      if (!finished) bar.setTotal(next);
    },
    finish() {
      if (finished) return;
      finished = true;
      bar.stop();
    },
  };
}
