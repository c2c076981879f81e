import { Field, ID, InterfaceType } from 'type-graphql';

/** Anything with a global id that `node(id)` can fetch back. */
@InterfaceType('Node', {
  description: 'An object with a stable, opaque global id that `node(id)` fetches back.',
  resolveType: (value: { graphqlType: string }) => value.graphqlType,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id: stable, opaque; pass it to `node(id)`.' })
  id!: string;
}
