import type { StatsQuery } from './queries';

const KEY_STORAGE = 'clustergraph:stats:apiKey';

/** The API key the user typed, kept for this tab only (sessionStorage; never a cookie). */
export function apiKey(): string {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

export function rememberApiKey(key: string): void {
  try {
    if (key === '') sessionStorage.removeItem(KEY_STORAGE);
    else sessionStorage.setItem(KEY_STORAGE, key);
  } catch {
    // no sessionStorage (disabled): the key lasts until the page is left
  }
}

/** POSTs one operation to the gateway's /graphql, like any client; throws on any error. */
export async function runQuery<T>(op: StatsQuery, variables: Record<string, unknown>, key = apiKey()): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (key !== '') headers.authorization = `Bearer ${key}`;
  const res = await fetch('graphql', { method: 'POST', headers, body: JSON.stringify({ query: op.query, operationName: op.name, variables }) });
  const body = (await res.json().catch(() => null)) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> } | null;
  if (body?.errors?.length) {
    const first = body.errors[0];
    throw new Error(`${first.extensions?.code ?? res.status}: ${first.message}`);
  }
  if (!res.ok || !body?.data) throw new Error(`HTTP ${res.status}`);
  return body.data;
}

/** The playground (GraphiQL at the gateway's root) opened on an operation and its variables. */
export function playgroundUrl(op: StatsQuery, variables: Record<string, unknown>): string {
  const params = new URLSearchParams({ query: op.query, variables: JSON.stringify(variables, null, 2) });
  return `./?${params.toString()}`;
}
