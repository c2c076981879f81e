import { request, type Agent } from 'node:http';

/** What came back from a raw HTTP request: status, lower-cased headers and the body as text. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
}

/**
 * Sends exactly the headers given (node adds only Host, Connection and, with a body,
 * Content-Length), so tests see what a bare client sees. Resolves with the response even
 * when the server answers before reading the whole body (e.g. 413) and the upload breaks off.
 */
export function rawRequest(
  baseUrl: string,
  options: {
    method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer;
    /** A keep-alive agent to reuse connections with; by default every request has its own connection. */
    agent?: Agent;
    /** Give up (reject) when no complete response came within this many milliseconds. */
    timeoutMs?: number;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(options.path, baseUrl);
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(new Error(`no complete response to ${options.method ?? 'GET'} ${options.path} within ${options.timeoutMs ?? 10_000} ms`));
    }, options.timeoutMs ?? 10_000);
    const agent = options.agent ?? false;
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', (err) => {
        if (!settled) reject(err);
      });
    });
    req.on('error', (err) => {
      // An upload cut short after the response arrived (EPIPE/ECONNRESET) is not a failure.
      setTimeout(() => {
        if (!settled) reject(err);
      }, 200);
    });
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}

/** GET /graphql with the operation in the query string and no headers at all. */
export function getGraphQL(
  baseUrl: string, params: { query: string; variables?: string; operationName?: string }, headers: Record<string, string> = {},
): Promise<RawResponse> {
  const search = new URLSearchParams();
  search.set('query', params.query);
  if (params.variables !== undefined) search.set('variables', params.variables);
  if (params.operationName !== undefined) search.set('operationName', params.operationName);
  return rawRequest(baseUrl, { path: `/graphql?${search.toString()}`, headers });
}

/** POST /graphql with a JSON body (a string is sent as is). */
export function postGraphQL(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(baseUrl, {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
