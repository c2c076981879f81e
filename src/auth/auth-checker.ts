import type { AuthCheckerFn } from 'type-graphql';
import { ForbiddenError } from '../shared/errors';
import type { RequestContext } from '../shared/request-context';
import { Role, type Viewer } from '../shared/viewer';

/** True when the viewer holds one of the roles; `@Authorized()` without roles asks for any key. */
export function hasRole(viewer: Viewer, roles: readonly Role[]): boolean {
  if (roles.length === 0) return viewer.role !== Role.PUBLIC;
  return roles.includes(viewer.role);
}

/**
 * The one authChecker behind every `@Authorized(Role.…)`. A refusal throws FORBIDDEN itself
 * rather than returning false, because type-graphql's own errors carry codes outside the
 * contract (UNAUTHORIZED). The public caller gets FORBIDDEN too: UNAUTHENTICATED means a bad
 * key, and those never reach execution.
 */
export const authChecker: AuthCheckerFn<RequestContext, Role> = ({ context }, roles) => {
  if (hasRole(context.viewer, roles)) return true;
  throw new ForbiddenError(
    roles.length === 0
      ? 'This needs an API key.'
      : `This needs the role ${roles.join(' or ')}; your role is ${context.viewer.role}.`,
  );
};
