import {
  execute, getVariableValues, GraphQLError, TypeInfo, getNamedType, isAbstractType, visit, visitWithTypeInfo,
  type DocumentNode, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import type { Logger } from '../logger';

// Apollo's gateway types, reached through @apollo/server (which declares their package).
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type GatewaySchemaLoadOrUpdateCallback = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];

/** What a document does for one operation name: its compiled query, or graphql-js and why. */
type Plan = { kind: 'jit'; query: CompiledQuery['query'] } | { kind: 'graphql-js'; reason: string };

/** Operation names remembered per document (a document holds a handful of operations). */
const MAX_PLANS_PER_DOCUMENT = 16;

/**
 * Apollo Server runs a gateway's executor instead of graphql-js's `execute`; this gateway
 * serves our own schema and executes each operation with graphql-jit, which turns a
 * document into a JavaScript function once instead of interpreting the document per field
 * and per row. Plans are kept per parsed document: Apollo's document store hands back the
 * same DocumentNode for the same query text, so a document is compiled once while it stays
 * in that store (a WeakMap lets it go with the document).
 *
 * Clients see what graphql-js would answer: variables are coerced by graphql-js first (its
 * error messages, its HTTP 400), errors are turned back into graphql-js GraphQLErrors for
 * Apollo's formatting, and a document graphql-jit cannot compile, or that reaches an
 * abstract type whose resolveType is asynchronous (graphql-jit reads the type name
 * synchronously), is executed by graphql-js, which is remembered for that document.
 */
export function compiledExecutorGateway(schema: GraphQLSchema, logger: Logger): GatewayInterface {
  const plans = new WeakMap<DocumentNode, Map<string, Plan>>();
  const listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();

  const planFor = (document: DocumentNode, operation: OperationDefinitionNode, operationName: string | undefined): Plan => {
    let byName = plans.get(document);
    if (!byName) {
      byName = new Map();
      plans.set(document, byName);
    }
    const key = operationName ?? '';
    let plan = byName.get(key);
    if (!plan) {
      plan = compile(schema, document, operation, operationName);
      if (plan.kind === 'graphql-js') logger.warn({ operationName: operation.name?.value, reason: plan.reason }, 'executing a document with graphql-js');
      if (byName.size >= MAX_PLANS_PER_DOCUMENT) byName.clear();
      byName.set(key, plan);
    }
    return plan;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operation, request, context } = requestContext;
    const operationName = request.operationName ?? undefined;
    const interpret = () => execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
    // No operation (an unknown operationName, or several without one): graphql-js words the error.
    if (!operation) return interpret();
    const plan = planFor(document, operation, operationName);
    if (plan.kind === 'graphql-js') return interpret();
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    const result = await plan.query(undefined, context, request.variables ?? {});
    // graphql-jit coerces the variables again; refusing what graphql-js accepted would be a
    // disagreement between the two, never the client's fault: graphql-js answers instead.
    if (!('data' in result)) return interpret();
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {
      listeners.clear();
    },
  };
}

function compile(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, operationName: string | undefined): Plan {
  if (operation.operation === 'subscription') return { kind: 'graphql-js', reason: 'a subscription' };
  const asyncType = abstractTypeWithAsyncResolveType(schema, document);
  if (asyncType) return { kind: 'graphql-js', reason: `${asyncType}.resolveType is asynchronous` };
  try {
    const compiled = compileQuery(schema, document, operationName, { disableLeafSerialization: false });
    if (!isCompiledQuery(compiled)) {
      return { kind: 'graphql-js', reason: compiled.errors?.map((e) => e.message).join('; ') || 'not compiled' };
    }
    return { kind: 'jit', query: compiled.query };
  } catch (err) {
    return { kind: 'graphql-js', reason: err instanceof Error ? err.message : String(err) };
  }
}

/** The name of an interface or union the document selects whose resolveType returns a promise. */
function abstractTypeWithAsyncResolveType(schema: GraphQLSchema, document: DocumentNode): string | null {
  const typeInfo = new TypeInfo(schema);
  let found: string | null = null;
  visit(document, visitWithTypeInfo(typeInfo, {
    Field() {
      const type = getNamedType(typeInfo.getType());
      if (found === null && type && isAbstractType(type) && type.resolveType?.constructor.name === 'AsyncFunction') found = type.name;
    },
  }));
  return found;
}

/**
 * graphql-jit reports errors with its own GraphQLError (a subclass without `nodes` and,
 * when nothing was thrown, without extensions); Apollo and our formatter expect what
 * graphql-js produces: same message, path, locations, original error and extensions.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  if (error.constructor === GraphQLError) return error;
  const original = error.originalError;
  const rebuilt = new GraphQLError(error.message, {
    path: error.path, originalError: original ?? undefined, extensions: error.extensions ?? undefined,
  });
  return Object.assign(rebuilt, { locations: error.locations });
}
