import { validate, visit, type DocumentNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { getComplexity } from 'graphql-query-complexity';
import { contractCostEstimator } from './cost-estimator';
import { QueryTooComplexError } from './query-too-complex';

export interface QueryLimits {
  /** Most fields nested in an operation, fragments expanded. */
  depth: number;
  /** Most aliases in an operation, fragments expanded. */
  aliases: number;
  /** Highest cost (contractCostEstimator) of an operation with its variables. */
  cost: number;
}

/**
 * Refuses an operation past the depth, alias or cost limit with QUERY_TOO_COMPLEX (HTTP
 * 400) once Apollo has parsed and validated it and before it executes: nothing runs, no
 * SQL is sent, and an APQ hash is not stored (Apollo stores it after this hook). The token
 * limit is enforced earlier, by the parser (parseOptions.maxTokens in app.ts).
 *
 * Depth and aliases are graphql-armor's validation rules, run here rather than as Apollo
 * validationRules so their errors carry our code instead of GRAPHQL_VALIDATION_FAILED;
 * they depend on the document alone, so their verdict is kept per parsed document (Apollo
 * hands the same DocumentNode back from its document cache). The cost depends on the
 * document and on the few variables that feed `first`, `eventsPerCategory` or an
 * `@include`/`@skip`; it is kept per document and values of those variables, so a request
 * whose other variables change (an id) costs a map lookup, not a walk.
 * Introspection-only operations (GraphiQL's own query) are exempt.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  const verdicts = new WeakMap<DocumentNode, DocumentVerdict>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema, operationName }) {
          if (!operation || isIntrospectionOnly(operation)) return;
          let verdict = verdicts.get(document);
          if (verdict === undefined) {
            verdict = { shape: checkShape(schema, document, limits), costVariables: costVariablesOf(document), costs: new Map() };
            verdicts.set(document, verdict);
          }
          if (verdict.shape) throw verdict.shape;
          const key = JSON.stringify([operationName, ...verdict.costVariables.map((name) => request.variables?.[name])]);
          let cost = verdict.costs.get(key);
          if (cost === undefined) {
            cost = costOf(schema, document, request.variables, operationName ?? undefined);
            if (verdict.costs.size >= MAX_COSTS_PER_DOCUMENT) verdict.costs.clear();
            verdict.costs.set(key, cost);
          }
          if (cost !== null && cost > limits.cost) {
            throw new QueryTooComplexError(`Query cost ${cost} is above the limit of ${limits.cost}.`, { cost, limit: limits.cost });
          }
        },
      };
    },
  };
}

/** Costs remembered per document (page sizes a client uses are few). */
const MAX_COSTS_PER_DOCUMENT = 64;

interface DocumentVerdict {
  /** The depth or alias error, or null. */
  shape: GraphQLError | null;
  /** The variables the cost depends on. */
  costVariables: string[];
  /** Cost (null: variables did not coerce) by operation name and values of costVariables. */
  costs: Map<string, number | null>;
}

/** Names of the variables given to `first`, `eventsPerCategory` or a directive's `if`. */
function costVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if ((node.name.value === 'first' || node.name.value === 'eventsPerCategory' || node.name.value === 'if') && node.value.kind === 'Variable') {
        names.add(node.value.name.value);
      }
    },
  });
  return [...names].sort();
}

function checkShape(schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits): GraphQLError | null {
  let refused: GraphQLError | null = null;
  const onReject = [(_ctx: unknown, error: GraphQLError) => { refused ??= error; }];
  validate(schema, document, [
    maxDepthRule({ n: limits.depth, flattenFragments: true, ignoreIntrospection: true, propagateOnRejection: false, onReject }),
    maxAliasesRule({ n: limits.aliases, propagateOnRejection: false, onReject }),
  ]);
  if (!refused) return null;
  // graphql-armor words its errors as "Syntax Error: …"; they are not syntax errors.
  return new QueryTooComplexError((refused as GraphQLError).message.replace(/^Syntax Error: /, ''));
}

/** The operation's cost; null when its variables do not coerce (execution reports that as usual). */
function costOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number | null {
  try {
    return getComplexity({ schema, query: document, variables: variables ?? {}, operationName, estimators: [contractCostEstimator] });
  } catch (err) {
    if (/too many nodes/i.test(String((err as Error).message))) throw new QueryTooComplexError('The query has too many fields.');
    return null;
  }
}

/** True when every root field is an introspection field (__schema, __type, __typename). */
function isIntrospectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every((s) => s.kind === 'Field' && s.name.value.startsWith('__'));
}
