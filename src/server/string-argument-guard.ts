import {
  defaultFieldResolver, GraphQLID, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType,
  type GraphQLArgument, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import { BadUserInputError } from '../shared/errors';

// PostgreSQL cannot hold a NUL character in text at all: a string argument with one that
// reaches SQL (a slug, a search text, a region code) fails inside the database with an
// error instead of finding nothing. No argument of ours means a NUL, so one check for
// every field, before its resolver runs, whatever the field and however the value came
// (literal or variable): a point lookup of the Query type (a nullable single object:
// event, campaign, region) answers null, as the contract has it for any unknown key;
// everything else is BAD_USER_INPUT naming the argument. IDs are left to the global id
// decoder (shared/global-id.ts), which reads such an id as unknown.

/**
 * Wraps the resolver of every field that takes text (String or a custom scalar, directly
 * or inside input objects and lists, IDs excepted) with the NUL check. Fields without
 * such arguments (nearly all object fields) keep their resolvers untouched.
 */
export function refuseNulInTextArguments(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const checked = field.args.filter((a) => mayHoldText(a.type, new Set()));
      if (checked.length === 0) continue;
      const lookup = type === schema.getQueryType() && !isNonNullType(field.type) && !isListType(field.type);
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const nul = nulIn(checked, args);
        if (nul !== null) {
          if (lookup) return null;
          throw new BadUserInputError(`${nul} holds a NUL character.`, nul);
        }
        return resolve(source, args, context, info);
      };
    }
  }
}

/** The path of the first argument value holding a NUL, or null. */
function nulIn(args: readonly GraphQLArgument[], values: Record<string, unknown>): string | null {
  for (const a of args) {
    const path = nulInValue(values[a.name], a.type, a.name);
    if (path !== null) return path;
  }
  return null;
}

function nulInValue(value: unknown, type: GraphQLInputType, path: string): string | null {
  if (value == null) return null;
  if (isNonNullType(type)) return nulInValue(value, type.ofType, path);
  if (isListType(type)) {
    if (!Array.isArray(value)) return nulInValue(value, type.ofType, path);
    for (let i = 0; i < value.length; i += 1) {
      const found = nulInValue(value[i], type.ofType, `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      const found = fields[name] ? nulInValue(v, fields[name].type, `${path}.${name}`) : null;
      if (found !== null) return found;
    }
    return null;
  }
  return isScalarType(type) && type !== GraphQLID ? nulInAny(value, path) : null;
}

/** In any value a scalar parsed to (a string, or the objects of the JSON scalar). */
function nulInAny(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = nulInAny(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      const found = nulInAny(k, path) ?? nulInAny(v, `${path}.${k}`);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Whether a value of this input type can hold text the check must look at. */
function mayHoldText(type: GraphQLInputType, seen: Set<string>): boolean {
  if (isNonNullType(type) || isListType(type)) return mayHoldText(type.ofType, seen);
  if (isInputObjectType(type)) {
    if (seen.has(type.name)) return false;
    seen.add(type.name);
    return Object.values(type.getFields()).some((f) => mayHoldText(f.type, seen));
  }
  return isScalarType(type) && type !== GraphQLID && type.name !== 'Int' && type.name !== 'Float' && type.name !== 'Boolean';
}
