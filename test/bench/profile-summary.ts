import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** Self time, as a share of all samples, grouped two ways. */
export interface ProfileSummary {
  totalMs: number;
  byPackage: { name: string; share: number }[];
  byFunction: { name: string; share: number }[];
}

/**
 * Where a V8 CPU profile (`node --cpu-prof`) spent its self time: by package (our src/,
 * each node_modules package, node internals, GC, idle) and by function.
 */
export function summarizeProfile(path: string, top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const busy = [...selfUs.entries()].filter(([id]) => byId.get(id)!.callFrame.functionName !== '(idle)');
  const total = busy.reduce((s, [, us]) => s + us, 0) || 1;

  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of busy) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const pkg = packageOf(url, functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const ranked = (m: Map<string, number>) => [...m.entries()]
    .sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, share: us / total }));
  return { totalMs: total / 1000, byPackage: ranked(packages), byFunction: ranked(functions) };
}

function packageOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return 'node internals';
  const own = /\/dist\/(src\/[^/]+(?:\/[^/]+)?)/.exec(url);
  return own ? own[1].replace(/\.js$/, '') : url;
}

function shortUrl(url: string): string {
  return url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '').replace(/^file:\/\//, '');
}

/** The summary as Markdown-ish text for the console and RESULTS.md. */
export function formatProfile(label: string, s: ProfileSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
  return [
    `CPU profile ${label}: ${s.totalMs.toFixed(0)} ms busy`,
    '  by package:', ...s.byPackage.map((r) => `    ${pct(r.share)}  ${r.name}`),
    '  by function (self time):', ...s.byFunction.map((r) => `    ${pct(r.share)}  ${r.name}`),
  ].join('\n');
}
