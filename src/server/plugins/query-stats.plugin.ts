import type { ApolloServerPlugin } from '@apollo/server';
import { currentQueryStats, elapsedMs } from '../../db/query-stats';

/**
 * Adds `extensions.stats = { sqlStatements, durationMs }` to every single-result response:
 * the statements this request sent (key lookup, counts, loaders, all of them) and its time
 * in the server so far. Only installed when EXPOSE_QUERY_STATS is on.
 */
export function queryStatsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const stats = currentQueryStats();
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
