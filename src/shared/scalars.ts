import { GraphQLScalarType } from 'graphql';
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';

/**
 * ISO 8601 date-time with offset. Input is validated by graphql-scalars and arrives as a
 * Date. Output is passed through when it is already a formatted string: event times are
 * rendered in the event's own offset (see shared/time.ts), which a Date cannot carry.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date-time in ISO 8601 with offset, e.g. 2017-04-20T10:00:00+02:00.',
  serialize(value: unknown): string {
    if (typeof value === 'string') return value;
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'number') return new Date(value).toISOString();
    throw new TypeError('DateTime cannot represent this value');
  },
  parseValue: (value: unknown) => DateTimeResolver.parseValue(value),
  parseLiteral: (ast, variables) => DateTimeResolver.parseLiteral(ast, variables),
});

/** A calendar date, YYYY-MM-DD (graphql-scalars' Date). */
export const DateScalar = new GraphQLScalarType({
  ...DateResolver.toConfig(),
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD, e.g. 2017-04-20.',
});

/** Arbitrary JSON (graphql-scalars' JSON). */
export const JSONScalar = new GraphQLScalarType({
  ...JSONResolver.toConfig(),
  name: 'JSON',
});
