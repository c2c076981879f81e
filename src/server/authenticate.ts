import { GraphQLError } from 'graphql';
import type { Database } from '../db/database';
import { viewerForKey } from '../auth/api-key.service';
import { PUBLIC_VIEWER, type Viewer } from '../shared/viewer';

/**
 * A key that is not one of ours. Apollo answers an error thrown while building the context
 * with its status (401, with the WWW-Authenticate challenge HTTP asks for) and this single
 * error, before anything executes. It is never a silent fall-back to the public role.
 */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Unknown, revoked or expired API key.') {
    super(message, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } },
    });
  }
}

/**
 * Who a request is, from its Authorization header: the public viewer without one, the
 * key's viewer for `Bearer <live key>`; anything else (another scheme, a malformed header,
 * an unknown, revoked or expired key) throws UnauthenticatedError. The one place every
 * route (GraphQL, feeds, exports) authenticates; the key is looked up on every request
 * (one indexed query, counted in the request's statements), so a key made or revoked by
 * the CLI counts from the next request on.
 */
export async function resolveViewer(db: Database, authorization: string | null | undefined): Promise<Viewer> {
  if (authorization === undefined || authorization === null) return PUBLIC_VIEWER;
  const match = /^Bearer +(\S+) *$/i.exec(authorization);
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <api key>".');
  const viewer = await viewerForKey(db, match[1]);
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
}
