import {
  getNamedType, isLeafType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type FieldResolverMetadata = ReturnType<typeof getMetadataStorage>['fieldResolvers'][number];
type ParamMetadata = NonNullable<FieldResolverMetadata['params']>[number];
type Resolve = GraphQLFieldResolver<unknown, unknown, Record<string, unknown>>;

/**
 * Calls field resolvers directly where type-graphql's wrapper adds nothing. type-graphql
 * runs every call through getParams: it sorts and maps the parameter list and passes each
 * `@Arg` through validateArg, an async function even with validation off, so a field such as
 * `title(lang)` answers a promise (Promise.all of its parameters) for a value it has at
 * once: a nested page of 100 events made hundreds of promises and microtasks that way.
 *
 * A field resolver is called directly when it has no `@Authorized` roles and no middleware,
 * and its parameters are only `@Root()`, `@Ctx()`, `@Info()` and `@Arg`s whose GraphQL
 * type is a scalar or an enum (type-graphql passes those on unchanged). The call is the one
 * type-graphql makes: the resolver class's method, with `this` its instance, the same
 * arguments in the same order, and its result as it is. A root that is not an instance of
 * the class `@Root()` names is handed to type-graphql's own resolver, which converts it.
 * Returns how many fields it changed.
 */
export function callResolversDirectly(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const instances = new Map<Function, Record<string, Function>>();
  let changed = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const classes = classesOf(storage, type.name);
    if (classes.length === 0) continue;
    for (const field of Object.values(type.getFields())) {
      // The resolver type-graphql chose: declared for this class or an interface it implements.
      const found = storage.fieldResolvers.filter((m) => m.kind === 'external' && m.schemaName === field.name
        && classes.includes(objectClassOf(m) as Function));
      if (found.length !== 1 || !field.resolve) continue;
      const m = found[0];
      if (guarded(storage, m)) continue;
      const params = [...(m.params ?? [])].sort((a, b) => a.index - b.index);
      const leafArg = (name: string) => {
        const arg = field.args.find((a) => a.name === name);
        return arg !== undefined && isLeafType(getNamedType(arg.type));
      };
      if (!params.every((p) => directlyPassed(p, leafArg))) continue;
      const target = m.target as new () => Record<string, Function>;
      let instance = instances.get(target);
      if (!instance) {
        instance = new target();
        instances.set(target, instance);
      }
      field.resolve = direct(instance, m.methodName, params, field.resolve);
      changed += 1;
    }
  }
  return changed;
}

/** Whether type-graphql runs something around the resolver: an auth check or middleware. */
function guarded(storage: ReturnType<typeof getMetadataStorage>, m: FieldResolverMetadata): boolean {
  return (m.roles?.length ?? 0) > 0 || (m.middlewares?.length ?? 0) > 0
    || storage.authorizedFields.some((a) => a.target === m.target && a.fieldName === m.methodName)
    || storage.authorizedResolver.some((a) => a.target === m.target)
    || storage.middlewares.some((a) => a.target === m.target && a.fieldName === m.methodName)
    || storage.resolverMiddlewares.some((a) => a.target === m.target);
}

/** The class a field resolver belongs to (its resolver class's `@Resolver(() => T)`). */
function objectClassOf(m: FieldResolverMetadata): Function | undefined {
  return m.getObjectType?.() ?? m.resolverClassMetadata?.getObjectType();
}

/** The classes whose field resolvers a GraphQL object type takes: its own and its interfaces'. */
function classesOf(storage: ReturnType<typeof getMetadataStorage>, typeName: string): Function[] {
  const objectType = storage.objectTypes.find((o) => o.name === typeName);
  if (!objectType) return [];
  return [objectType.target, ...(objectType.interfaceClasses ?? [])];
}

function directlyPassed(p: ParamMetadata, leafArg: (name: string) => boolean): boolean {
  switch (p.kind) {
    case 'root': return p.propertyName === undefined;
    case 'context': return p.propertyName === undefined;
    case 'info': return true;
    case 'arg': return p.validateFn === undefined && p.validateSettings === undefined && leafArg(p.name);
    default: return false;
  }
}

function direct(instance: Record<string, Function>, method: string, params: ParamMetadata[], wrapped: Resolve): Resolve {
  const fn = instance[method];
  const rootClass = params.map((p) => (p.kind === 'root' ? p.getType?.() : undefined)).find((t) => typeof t === 'function') as Function | undefined;
  const pick = params.map((p): ((root: unknown, args: Record<string, unknown>, ctx: unknown, info: unknown) => unknown) => {
    switch (p.kind) {
      case 'root': return (root) => root;
      case 'context': return (_r, _a, ctx) => ctx;
      case 'info': return (_r, _a, _c, info) => info;
      case 'arg': { const name = p.name; return (_r, args) => args[name]; }
      default: throw new Error(`not a direct parameter: ${p.kind}`);
    }
  });
  // The common shapes without an array per call.
  if (pick.length === 1 && params[0].kind === 'root') {
    return (root, args, ctx, info) => (rootClass && !(root instanceof rootClass) ? wrapped(root, args, ctx, info) : fn.call(instance, root));
  }
  if (pick.length === 2 && params[0].kind === 'root' && params[1].kind === 'context') {
    return (root, args, ctx, info) => (rootClass && !(root instanceof rootClass) ? wrapped(root, args, ctx, info) : fn.call(instance, root, ctx));
  }
  return (root, args, ctx, info) => {
    if (rootClass && !(root instanceof rootClass)) return wrapped(root, args, ctx, info);
    return fn.apply(instance, pick.map((get) => get(root, args, ctx, info)));
  };
}
