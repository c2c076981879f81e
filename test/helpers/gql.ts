/** What a GraphQL request over HTTP came back with. */
export interface GqlResponse<T = any> {
  status: number;
  headers: Headers;
  body: {
    data?: T;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
    extensions?: { stats?: { sqlStatements: number; durationMs: number } } & Record<string, unknown>;
  };
}

/** POSTs a GraphQL operation to a test server, as any client would. */
export async function gql<T = any>(
  baseUrl: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}, operationName?: string,
): Promise<GqlResponse<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables, operationName }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
}

/** Like gql, but fails the test on any error and returns data. */
export async function gqlData<T = any>(
  baseUrl: string, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>,
): Promise<T> {
  const r = await gql<T>(baseUrl, query, variables, headers);
  if (r.body.errors?.length || r.status !== 200) {
    throw new Error(`GraphQL request failed (${r.status}): ${JSON.stringify(r.body.errors ?? r.body)}`);
  }
  return r.body.data as T;
}
