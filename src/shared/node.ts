import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * The concrete GraphQL type of a node or organiser value: every entity names its own
 * (a `graphqlType` getter). Synchronous on purpose, see server/schema.ts.
 */
export function graphqlTypeOf(value: { graphqlType: string }): string {
  return value.graphqlType;
}

/** Anything with a global id that `node(id)` can fetch back. */
@InterfaceType('Node', {
  description: 'An object with a stable, opaque global id that `node(id)` fetches back.',
  resolveType: graphqlTypeOf,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id: stable, opaque; pass it to `node(id)`.' })
  id!: string;
}
