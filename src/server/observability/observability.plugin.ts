import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../../shared/request-context';
import { MAX_LOGGED_NAME } from './operation-name';

/**
 * Notes in the request's record (RequestContext.request) what only Apollo knows: the
 * operation's name and the codes of the errors the response carries (after formatting, so
 * a masked error counts as INTERNAL_SERVER_ERROR). Always installed; it reads what Apollo
 * already has and adds nothing to the response.
 */
export function observabilityPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const record = contextValue.request;
      if (!record) return;
      return {
        async willSendResponse({ response, operationName, request }) {
          const name = operationName ?? request.operationName ?? undefined;
          if (name) record.operationName = name.slice(0, MAX_LOGGED_NAME);
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.code;
            record.errorCodes.push(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
          }
        },
      };
    },
  };
}
