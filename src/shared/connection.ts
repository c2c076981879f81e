import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './pagination';

/** An item in a list, with its cursor. */
export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A page of a list: what every connection class holds. totalCount is counted when asked. */
export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/**
 * The Edge and Connection object types of a Relay cursor connection over `nodeType`,
 * e.g. EventEdge/EventConnection. The count is a thunk: a second statement most pages
 * do not need, run only when a client selects totalCount.
 */
export function connectionTypes<T extends object>(name: string, nodeType: ClassType<T>, what: string) {
  @ObjectType(`${name}Edge`, { description: `${what} in a list, with its cursor.`, simpleResolvers: true })
  class EdgeType implements Edge<T> {
    @Field(() => String, { description: 'Opaque position in the list; pass it as `after` to continue behind it.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what.toLowerCase()} (Relay cursor connection).`, simpleResolvers: true })
  class ConnectionType implements Connection<T> {
    @Field(() => [EdgeType], { description: 'The items of this page with their cursors.' })
    edges: EdgeType[];

    @Field(() => [nodeType], { description: 'The items of this page.' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Every item matching the arguments, whatever `after` says.' })
    get totalCount(): Promise<number> {
      return this.count();
    }

    constructor(items: T[], cursorOf: (item: T) => string, pageInfo: PageInfo, private readonly count: () => Promise<number>) {
      this.edges = items.map((node) => Object.assign(new EdgeType(), { cursor: cursorOf(node), node }));
      this.nodes = items;
      this.pageInfo = pageInfo;
    }
  }

  return { EdgeType, ConnectionType };
}

/** A thunk that runs its function at most once. */
export function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}
