import { Field, ObjectType } from 'type-graphql';
import { BadUserInputError } from './errors';
import { isKey } from './global-id';

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
 * What the sort value of a list's cursor must be for the database to compare it with the
 * sort column, on SQLite and PostgreSQL alike: a `bigint` column (epoch milliseconds)
 * takes a safe integer, a `double` (a relevance score) any finite number, a `text`
 * column a string without NUL (PostgreSQL refuses one in text) of at most the column's
 * length in characters.
 */
export type CursorValueType = { kind: 'bigint' } | { kind: 'double' } | { kind: 'text'; maxLength: number };

/**
 * Cursors are opaque to clients: base64url of [order, value, id]. The order is part of the
 * cursor so a cursor from one order is refused in another instead of paging wrongly.
 */
export function encodeCursor(order: string, position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([order, position.value, position.id]), 'utf8').toString('base64url');
}

/**
 * The position in a cursor made for `order`, or BAD_USER_INPUT on `field` for anything
 * else: not base64url JSON, another order, a value of the wrong type or out of the
 * column's range (`value`), an id that is no key (1…2³¹−1). This is the one place a
 * cursor from outside is checked: what it returns is safe to bind as SQL parameters.
 */
export function decodeCursor(cursor: string, order: string, value: CursorValueType, field = 'after'): KeysetPosition {
  const bad = () => new BadUserInputError(`${field} is not a cursor of this list.`, field);
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== order || !isKey(parsed[2]) || !fits(parsed[1], value)) {
    throw bad();
  }
  return { value: parsed[1], id: parsed[2] };
}

/** Longest cursor accepted: a 1,200-character sort text in JSON, base64url-encoded, fits. */
const MAX_CURSOR_LENGTH = 10_000;

function fits(v: unknown, type: CursorValueType): v is string | number {
  switch (type.kind) {
    case 'bigint':
      return Number.isSafeInteger(v);
    case 'double':
      return typeof v === 'number' && Number.isFinite(v);
    case 'text':
      return typeof v === 'string' && !v.includes('\u0000') && [...v].length <= type.maxLength;
  }
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
