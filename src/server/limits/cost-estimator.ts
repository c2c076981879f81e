import { getNullableType, isListType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/** What a list without `first` is assumed to hold (the contract's figure). */
export const UNBOUNDED_LIST_SIZE = 10;
/** Groups `eventsByCategory` can return: one per EventCategory. */
export const CATEGORY_GROUPS = 11;

/**
 * The contract's cost model as a graphql-query-complexity estimator: every field costs 1
 * plus its selection; a field with a `first` argument costs `first` times its selection
 * (the argument's default when not given, variables honoured), `eventsByCategory` 11 ×
 * `eventsPerCategory` times its selection, any other list 10 times. The lists inside a
 * page (`edges`, `nodes` of a …Connection, `events` of an EventCategoryGroup) are that
 * page, already counted at the field that asked for it. Introspection is free.
 */
export const contractCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
  if (field.name === 'eventsByCategory') return 1 + CATEGORY_GROUPS * count(args.eventsPerCategory) * childComplexity;
  if (field.args.some((a) => a.name === 'first')) return 1 + count(args.first) * childComplexity;
  if (!isListType(getNullableType(field.type))) return 1 + childComplexity;
  const pageOfParent = (type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes'))
    || (type.name === 'EventCategoryGroup' && field.name === 'events');
  return 1 + (pageOfParent ? 1 : UNBOUNDED_LIST_SIZE) * childComplexity;
};

/** A page size as a multiplier: no value counts as an unbounded list, nonsense as nothing. */
function count(value: unknown): number {
  if (value === undefined || value === null) return UNBOUNDED_LIST_SIZE;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : 0;
}
