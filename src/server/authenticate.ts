import { GraphQLError } from 'graphql';

/**
 * A key that is not one of ours. Apollo answers an error thrown while building the context
 * with its status (401) and this single error, before anything executes. Until API keys
 * exist (a later issue) every presented key is unknown, and it is never a silent fall-back
 * to the public role.
 */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Unknown, revoked or expired API key.') {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}
