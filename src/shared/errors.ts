import { GraphQLError } from 'graphql';

/** The error codes of the public contract; nothing else reaches a client. */
export type ErrorCode =
  | 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT'
  | 'RATE_LIMITED' | 'QUERY_TOO_COMPLEX' | 'GRAPHQL_VALIDATION_FAILED' | 'GRAPHQL_PARSE_FAILED'
  | 'BAD_REQUEST' | 'OPERATION_RESOLUTION_FAILURE' | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_NOT_SUPPORTED' | 'INTERNAL_SERVER_ERROR';

export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED',
  'QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
  'INTERNAL_SERVER_ERROR',
]);

/** Input the caller can fix; `field` is the input path at fault, e.g. "first" or "filter.region". */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, field: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', field } });
  }
}

/** The caller's role may not do or see this. */
export class ForbiddenError extends GraphQLError {
  constructor(message = 'You are not allowed to do this.') {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'NOT_FOUND' } });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: 'CONFLICT', ...(field ? { field } : {}) } });
  }
}

/**
 * A write that waited its bounded time for another writer's lock (the CLI importing into the
 * same SQLite file, a PostgreSQL row lock, a deadlock or serialization failure that kept
 * recurring) and gave up: nothing of it was written, and the same request may simply be
 * sent again. CONFLICT because the contract's codes are a closed list and this is a clash
 * with a concurrent write; `retryable` tells it from a version or status conflict, which
 * the same request would meet again.
 */
export class DatabaseBusyError extends GraphQLError {
  constructor() {
    super('The database is busy with another write; nothing was written. Try again.', {
      extensions: { code: 'CONFLICT', retryable: true, retryAfterSeconds: 1 },
    });
  }
}
