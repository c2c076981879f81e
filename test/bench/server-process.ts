import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A gateway running as its own process, as in production. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident memory now, in bytes (from /proc). */
  rss(): number;
  /** Log lines (pino JSON, parsed) since the last call. */
  drainLogs(): Record<string, unknown>[];
  stop(): Promise<void>;
}

export interface ServerOptions {
  root: string;
  databaseUrl: string;
  logLevel: string;
  /** EXPOSE_QUERY_STATS: on to read statement counts, off (the default in production) under load. */
  exposeStats: boolean;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=…']. */
  nodeFlags?: string[];
}

/** Starts `clustergraph serve` on a prepared database and waits until /readyz answers. */
export async function startServerProcess(options: ServerOptions): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeFlags ?? []), join(options.root, 'bin/clustergraph.js'), 'serve'], {
    cwd: options.root,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: options.logLevel,
      EXPOSE_QUERY_STATS: String(options.exposeStats),
      NODE_ENV: 'production',
      // The benchmark measures throughput from one address, not the limiter: keep the rate
      // limits (still active, so their cost is measured) far above what it sends.
      RATE_LIMIT_PUBLIC_PER_MIN: '100000000',
      RATE_LIMIT_KEY_PER_MIN: '100000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs: Record<string, unknown>[] = [];
  let stderr = '';
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try { logs.push(JSON.parse(line) as Record<string, unknown>); } catch { /* not a log line */ }
  });
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r('wait'), 200))]);
    if (early !== 'wait') throw new Error(`server exited (${String(early)}) before it was ready:\n${stderr}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`server not ready after 120 s:\n${stderr}`);
  }

  return {
    url,
    pid: child.pid!,
    rss: () => rssOf(child.pid!),
    drainLogs: () => { const out = logs; logs = []; return out; },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 15_000))]);
      if (code === 'timeout') child.kill('SIGKILL');
    },
  };
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** A port nothing listens on right now (the kernel picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
