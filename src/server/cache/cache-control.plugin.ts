import type { DocumentNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { documentCachePolicy, type CachePolicy } from './cache-policy';

/**
 * Sets Cache-Control on GraphQL responses so a CDN can serve public reads: `public,
 * max-age=N` only for a GET query without an Authorization header that answered without
 * errors (N from documentCachePolicy); `private, no-store` for keyed requests and
 * `no-store` for everything else (POST, mutations, errors). Vary names what else a
 * response depends on: Accept (GET /graphql from a browser is the playground),
 * Accept-Language (translated fields) and Authorization.
 *
 * It replaces Apollo's cache-control plugin, which stays disabled: that one wraps every
 * field's resolver on every request; this one reads the document once (see
 * documentCachePolicy) and costs nothing per field.
 */
export function cacheControlHeaderPlugin(defaultMaxAge: number): ApolloServerPlugin {
  const policies = new WeakMap<DocumentNode, CachePolicy>();
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, document, operation, errors, schema }) {
          const headers = response.http.headers;
          const keyed = request.http?.headers.get('authorization') != null;
          headers.set('vary', 'accept, accept-language, authorization');
          const clean = !errors?.length && response.body.kind === 'single' && !response.body.singleResult.errors?.length;
          // CACHE_MAX_AGE=0 turns shared caching off, schema hints included.
          if (defaultMaxAge > 0 && !keyed && clean && request.http?.method === 'GET' && operation?.operation === 'query' && document) {
            let policy = policies.get(document);
            if (!policy) {
              policy = documentCachePolicy(schema, document, defaultMaxAge);
              policies.set(document, policy);
            }
            if (policy.maxAge > 0 && policy.scope === 'PUBLIC') {
              headers.set('cache-control', `public, max-age=${policy.maxAge}`);
              return;
            }
          }
          headers.set('cache-control', keyed ? 'private, no-store' : 'no-store');
        },
      };
    },
  };
}
