import { Field, ObjectType } from 'type-graphql';
import { BadUserInputError } from './errors';

/** The largest page a list hands out; asking for more is an error, never a silent cap. */
export const MAX_PAGE_SIZE = 100;

@ObjectType('PageInfo', { description: 'Where a page sits in its list (Relay cursor connections).', simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow the last one of this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when this page was asked for after a cursor.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item, null on an empty page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

/** Checks a `first` argument: 0…100, else BAD_USER_INPUT naming the argument. */
export function checkPageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`${field} must be between 0 and ${MAX_PAGE_SIZE}, got ${first}.`, field);
  }
  return first;
}

/** A keyset position: the sort value of the last row and its id (the tie-breaker). */
export interface KeysetPosition {
  value: string | number;
  id: number;
}

/**
 * Cursors are opaque to clients: base64url of [order, value, id]. The order is part of the
 * cursor so a cursor from one order is refused in another instead of paging wrongly.
 */
export function encodeCursor(order: string, position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([order, position.value, position.id]), 'utf8').toString('base64url');
}

/** The position in a cursor made for `order`, or BAD_USER_INPUT on anything else. */
export function decodeCursor(cursor: string, order: string, field = 'after'): KeysetPosition {
  const bad = () => new BadUserInputError(`${field} is not a cursor of this list.`, field);
  if (typeof cursor !== 'string' || cursor.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (
    !Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== order ||
    !(typeof parsed[1] === 'string' || (typeof parsed[1] === 'number' && Number.isFinite(parsed[1]))) ||
    !Number.isSafeInteger(parsed[2])
  ) {
    throw bad();
  }
  return { value: parsed[1], id: parsed[2] };
}

/** PageInfo for a page fetched with one extra row to learn whether more follow. */
export function pageInfoOf<T>(
  rows: T[], first: number, hadCursor: boolean, cursorOf: (row: T) => string,
): { items: T[]; pageInfo: PageInfo } {
  const items = rows.slice(0, first);
  const pageInfo = new PageInfo();
  pageInfo.hasNextPage = rows.length > first;
  pageInfo.hasPreviousPage = hadCursor;
  pageInfo.startCursor = items.length ? cursorOf(items[0]) : null;
  pageInfo.endCursor = items.length ? cursorOf(items[items.length - 1]) : null;
  return { items, pageInfo };
}
