import type { RequestContext } from './request-context';

/**
 * The result of a write, once the request's loaders have forgotten what they read
 * before it. The returned object's fields then resolve through the normal loaders from
 * what is stored now, also when an earlier field of the same request (another mutation in
 * one operation) had loaded the links this write changed.
 */
export async function afterWrite<T>(ctx: RequestContext, write: Promise<T>): Promise<T> {
  const written = await write;
  ctx.loaders.forgetAll();
  return written;
}
