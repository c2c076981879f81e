import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { PUBLIC_ERROR_CODES } from '../shared/errors';
import type { Logger } from '../logger';
import { isTokenLimitMessage, isUncodedBadRequest, QUERY_TOO_COMPLEX } from './limits/query-too-complex';

/**
 * Error masking: errors with one of the contract's codes keep their message; anything else
 * (a bug, a database error) becomes INTERNAL_SERVER_ERROR with a fixed message and is
 * logged. No stack trace or SQL reaches a client unless DEBUG_ERRORS is on.
 */
export function createErrorFormatter(logger: Logger, debug: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // The parser's token limit is a syntax error to graphql-js; to clients it is a limit.
    if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && isTokenLimitMessage(formatted.message)) {
      formatted = { ...formatted, extensions: { ...formatted.extensions, code: QUERY_TOO_COMPLEX } };
    }
    // Apollo's own 400s without a code (an APQ hash that does not match its query, an
    // unknown APQ version) are malformed requests.
    if (isUncodedBadRequest(error)) formatted = { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && PUBLIC_ERROR_CODES.has(code)) {
      const extensions: Record<string, unknown> = { ...formatted.extensions };
      if (!debug) delete extensions.stacktrace;
      if (code === 'BAD_USER_INPUT' && extensions.field === undefined) {
        const variable = /Variable "\$([A-Za-z0-9_]+)"/.exec(formatted.message);
        const at = /at "[A-Za-z0-9_]+\.([A-Za-z0-9_.[\]]+)"/.exec(formatted.message);
        if (variable) extensions.field = at ? `${variable[1]}.${at[1]}` : variable[1];
      }
      return { ...formatted, extensions };
    }
    const original = unwrapResolverError(error);
    logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL request');
    return {
      message: debug && original instanceof Error ? original.message : 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: debug ? { code: 'INTERNAL_SERVER_ERROR', stacktrace: formatted.extensions?.stacktrace } : { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
