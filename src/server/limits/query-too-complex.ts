import { GraphQLError } from 'graphql';

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** An operation past one of the limits: refused before it runs, HTTP 400. */
export class QueryTooComplexError extends GraphQLError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code: QUERY_TOO_COMPLEX, ...extensions, http: { status: 400 } } });
  }
}

/**
 * graphql-js stops parsing past `maxTokens` (Apollo's parseOptions) with a syntax error;
 * that is the token limit, so it is reported as QUERY_TOO_COMPLEX like the others.
 */
export function isTokenLimitMessage(message: string): boolean {
  return /Document contains more tha[nt] \d+ tokens/.test(message); // graphql 16 writes "more that"
}

/** A GraphQLError Apollo raised with HTTP 400 but no code (APQ hash mismatch, APQ version). */
export function isUncodedBadRequest(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  return (error.extensions.http as { status?: number } | undefined)?.status === 400;
}
