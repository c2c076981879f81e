/** What a GraphQL response carries that the benchmark reads. */
export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { stats?: { sqlStatements: number; durationMs: number } };
}

/** A plain HTTP GraphQL client for setting up the benchmark (not for load: autocannon does that). */
export class GraphQLClient {
  constructor(readonly url: string) {}

  /** Posts one operation; returns the parsed response and its size in bytes. */
  async post<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ body: GraphQLResponse<T>; bytes: number }> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    return { body: JSON.parse(text) as GraphQLResponse<T>, bytes: Buffer.byteLength(text) };
  }

  /** Posts one operation and returns its data; any error fails the benchmark loudly. */
  async data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { body } = await this.post<T>(query, variables);
    if (body.errors?.length || !body.data) {
      throw new Error(`benchmark setup query failed: ${JSON.stringify(body.errors ?? body)}\n${query}`);
    }
    return body.data;
  }
}
