import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { buildGatewaySchema } from '../src/server/schema';
import { buildCli, runCli, ROOT } from './cli/cli';
import { startTestServer, type TestServer } from './helpers/test-server';
import { shellCommands } from './helpers/docs';

// The shell commands of the README and the guides are pasted by readers as they stand:
// every CLI command and option must exist, every npm script too, and every curl against
// the local gateway must reach a real route (and, for GraphQL, run without errors).
const commands = shellCommands();

/** The options each command (or "command subcommand") of the CLI's usage text takes. */
function usageOptions(usage: string): Map<string, Set<string>> {
  const entries = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const line of usage.split('\n')) {
    const start = /^ {2}([a-z]+)(?: ([a-z]+)(?= |$))?/.exec(line);
    if (start) {
      const key = start[2] && !start[2].startsWith('-') ? `${start[1]} ${start[2]}` : start[1];
      current = entries.get(key) ?? new Set<string>();
      entries.set(key, current);
      if (key.includes(' ')) entries.set(start[1], entries.get(start[1]) ?? new Set<string>());
    }
    if (!current || /^\S/.test(line)) continue;
    for (const [option] of line.matchAll(/--[a-z][a-z-]*/g)) current.add(option);
  }
  return entries;
}

describe('shell commands in the README and guides', () => {
  let server: TestServer;
  let usage: Map<string, Set<string>>;

  beforeAll(async () => {
    await buildCli();
    const help = await runCli(['--help'], {});
    usage = usageOptions(help.stdout);
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const cliCalls = commands.flatMap(({ file, line }) =>
    [...line.matchAll(/npx clustergraph ([^|;)&]*)/g)].map((m) => ({ file, call: m[1].trim() })));

  it('name at least the commands of the quick start and the operator guide', () => {
    expect(cliCalls.length).toBeGreaterThan(10);
  });

  it.each(cliCalls.map(({ file, call }) => [file, call]))('%s: clustergraph %s uses a command and options that exist', (_file, call) => {
    const words = call.split(/\s+/);
    const key = usage.has(`${words[0]} ${words[1]}`) ? `${words[0]} ${words[1]}` : words[0];
    expect(usage.has(key) ? key : `unknown command ${key}`).toBe(key);
    for (const option of words.filter((w) => w.startsWith('--'))) {
      expect([key, option, usage.get(key)!.has(option)]).toEqual([key, option, true]);
    }
  });

  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
  const benchSource = readdirSync(join(ROOT, 'test', 'bench')).filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(ROOT, 'test', 'bench', f), 'utf8')).join('\n');
  const npmRuns = commands.filter(({ line }) => /\bnpm run /.test(line));

  it.each(npmRuns.map(({ file, line }) => [file, line]))('%s: %s runs a script that exists', (_file, line) => {
    const [, script, rest = ''] = /npm run ([\w:-]+)(?: -- (.*))?/.exec(line)!;
    expect(Object.keys(scripts)).toContain(script);
    if (script === 'bench') {
      for (const [option] of rest.matchAll(/--[a-z][a-z-]*/g)) expect([option, benchSource.includes(option)]).toEqual([option, true]);
    }
  });

  const curls = commands.filter(({ line }) => /^curl .*localhost:4000/.test(line));

  it('show curl examples for GraphQL, feeds and exports', () => {
    expect(curls.length).toBeGreaterThan(10);
  });

  it.each(curls.map(({ file, line }) => [file, line]))('%s: %s reaches a real route', async (_file, line) => {
    const url = /'?(?:https?:\/\/)?localhost:4000(\/[^\s']*)?'?/.exec(line)![1] ?? '/';
    const body = /(?:-d|--data-binary) '([^']*)'/.exec(line)?.[1];
    const headers: Record<string, string> = {};
    for (const [, name, value] of line.matchAll(/-H ['"]([\w-]+): ([^'"]*)['"]/g)) headers[name.toLowerCase()] = value;
    // A key the reader made first ($KEY) or a shortened one (cg_…) cannot be sent here.
    const keyed = Object.values(headers).some((v) => v.includes('$') || v.includes('…')) || line.includes('@-');
    if (body !== undefined) {
      const request = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
      expect(validate(buildGatewaySchema(), parse(request.query)).map((e) => e.message)).toEqual([]);
      if (keyed) return; // needs a key the reader made first: checked against the schema only
      const r = await fetch(`${server.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const answer = (await r.json()) as { errors?: unknown };
      expect([r.status, answer.errors]).toEqual([200, undefined]);
      return;
    }
    if (keyed) return;
    const r = await fetch(`${server.url}${url}`, { headers });
    await r.arrayBuffer();
    // A documented bad parameter shows its 400; anything else must be served.
    const expected = line.includes('region=XX9') ? 400 : 200;
    expect([url, r.status]).toEqual([url, expected]);
  });
});
