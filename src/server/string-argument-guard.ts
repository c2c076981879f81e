import {
  defaultFieldResolver, GraphQLID, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType,
  type GraphQLArgument, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import { BadUserInputError } from '../shared/errors';

// PostgreSQL cannot hold a NUL character in text at all: a string argument with one that
// reaches SQL (a slug, a search text, a region code) fails inside the database with an
// error instead of finding nothing. No argument of ours means a NUL, so one check for
// every field, before its resolver runs, answers BAD_USER_INPUT naming the argument,
// whatever the field and however the value came (literal or variable). IDs are left to
// the global id decoder (shared/global-id.ts), which reads such an id as unknown: the
// contract makes an unknown id null, not an error.

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
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        checkArguments(checked, args);
        return resolve(source, args, context, info);
      };
    }
  }
}

function checkArguments(args: readonly GraphQLArgument[], values: Record<string, unknown>): void {
  for (const a of args) checkValue(values[a.name], a.type, a.name);
}

function checkValue(value: unknown, type: GraphQLInputType, path: string): void {
  if (value == null) return;
  if (isNonNullType(type)) return checkValue(value, type.ofType, path);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => checkValue(item, type.ofType, `${path}[${i}]`));
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      if (fields[name]) checkValue(v, fields[name].type, `${path}.${name}`);
    }
    return;
  }
  if (isScalarType(type) && type !== GraphQLID) checkAny(value, path);
}

/** Any value a scalar parsed to (a string, or the objects of the JSON scalar). */
function checkAny(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new BadUserInputError(`${path} holds a NUL character.`, path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkAny(item, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      checkAny(k, path);
      checkAny(v, `${path}.${k}`);
    }
  }
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
