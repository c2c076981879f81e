import {
  getNamedType, isCompositeType, TypeInfo, visit, visitWithTypeInfo,
  type ConstDirectiveNode, type DocumentNode, type GraphQLField, type GraphQLSchema,
} from 'graphql';

/** How long, and for whom, a query's result may be stored. */
export interface CachePolicy {
  /** Seconds; 0 is not at all. */
  maxAge: number;
  scope: 'PUBLIC' | 'PRIVATE';
}

/**
 * The cache policy of a document, computed from the document and the schema alone, the
 * way Apollo's cache-control plugin computes it while resolving: the smallest maxAge of
 * its fields, where a field takes its own @cacheControl hint, else its type's, else (root
 * fields and fields returning objects, interfaces or unions) `defaultMaxAge`; scalar
 * fields inherit. Any PRIVATE hint makes it PRIVATE. Hints are the @cacheControl(maxAge:,
 * scope:) directives type-graphql's @Directive puts on fields and types.
 *
 * Apollo's plugin wraps every resolver of every request for this (3–5 % of a nested page,
 * test/bench/RESULTS.md); a document's fields do not change between requests, so here it
 * is one walk per distinct document, remembered with the parsed document.
 */
export function documentCachePolicy(schema: GraphQLSchema, document: DocumentNode, defaultMaxAge: number): CachePolicy {
  let maxAge = Infinity;
  let scope: CachePolicy['scope'] = 'PUBLIC';
  const typeInfo = new TypeInfo(schema);
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  visit(document, visitWithTypeInfo(typeInfo, {
    Field() {
      const field = typeInfo.getFieldDef();
      if (!field) return;
      const hint = hintOf(field);
      if (hint.scope === 'PRIVATE') scope = 'PRIVATE';
      const parent = typeInfo.getParentType();
      const own = hint.maxAge ?? (isCompositeType(getNamedType(field.type)) || (parent && roots.has(parent as never)) ? defaultMaxAge : undefined);
      if (own !== undefined) maxAge = Math.min(maxAge, own);
    },
  }));
  return { maxAge: Number.isFinite(maxAge) ? maxAge : defaultMaxAge, scope };
}

interface Hint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
}

const hints = new WeakMap<object, Hint>();

/** The field's @cacheControl hint, else its type's (remembered per schema element). */
function hintOf(field: GraphQLField<unknown, unknown>): Hint {
  let hint = hints.get(field);
  if (!hint) {
    const type = getNamedType(field.type);
    hint = { ...readHint(type.astNode?.directives), ...readHint(field.astNode?.directives) };
    hints.set(field, hint);
  }
  return hint;
}

function readHint(directives: readonly ConstDirectiveNode[] | undefined): Hint {
  const directive = directives?.find((d) => d.name.value === 'cacheControl');
  const hint: Hint = {};
  for (const arg of directive?.arguments ?? []) {
    if (arg.name.value === 'maxAge' && arg.value.kind === 'IntValue') hint.maxAge = Number(arg.value.value);
    if (arg.name.value === 'scope' && arg.value.kind === 'EnumValue') hint.scope = arg.value.value === 'PRIVATE' ? 'PRIVATE' : 'PUBLIC';
  }
  return hint;
}
