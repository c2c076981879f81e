import type { ApolloServerPlugin } from '@apollo/server';
import { elapsedMs } from '../../db/query-stats';
import type { RequestContext } from '../../shared/request-context';

/**
 * Adds `extensions.stats = { sqlStatements, durationMs }` to every single-result response:
 * the statements this request sent (key lookup, counts, loaders, all of them) and its time
 * in the server so far. Only installed when EXPOSE_QUERY_STATS is on.
 */
export function queryStatsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const stats = contextValue.request;
      return {
        async willSendResponse({ response }) {
          if (!stats || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            stats: { sqlStatements: stats.sqlStatements, durationMs: Math.round(elapsedMs(stats) * 1000) / 1000 },
          };
        },
      };
    },
  };
}
