import DataLoader from 'dataloader';
import { oneByKey, reportingBatch, type BatchReport } from '../../shared/loaders';
import type { RequestContext } from '../../shared/request-context';
import type { EventList } from './event.inputs';
import type { EventConnection } from './event.types';
import type { EventScope, EventService } from './event.service';

/** A nested event list: whose, and with which arguments. */
export interface ScopedListKey {
  scope: EventScope;
  parentId: number;
  args: EventList;
}

const argsKey = (scope: EventScope, args: EventList) =>
  `${scope}|${JSON.stringify([args.filter ?? null, args.order, args.first, args.after])}`;

/** Groups keys that share scope and arguments: each group is one SQL statement. */
function groupKeys<K extends { scope: EventScope; parentId: number }>(keys: readonly K[], keyOf: (k: K) => string) {
  const groups = new Map<string, { sample: K; parentIds: number[] }>();
  for (const k of keys) {
    const g = groups.get(keyOf(k));
    if (g) g.parentIds.push(k.parentId);
    else groups.set(keyOf(k), { sample: k, parentIds: [k.parentId] });
  }
  return groups;
}

/** Per-request loaders of events: by id and slug (visibility applied), and nested lists. */
export function createEventLoaders(service: EventService, ctx: () => RequestContext, report?: BatchReport) {
  const eventById = oneByKey('eventById', report, (ids: readonly number[]) => service.readableByIds(ctx(), ids), (e) => e.pk);
  const eventBySlug = oneByKey('eventBySlug', report, async (slugs: readonly string[]) => {
    const found = await service.readableBySlugs(ctx(), slugs);
    for (const e of found) eventById.prime(e.pk, e);
    return found;
  }, (e) => e.slug);

  const eventCounts = new DataLoader<ScopedListKey, number, string>(reportingBatch('eventCounts', report, async (keys) => {
    const results = new Map<string, number>();
    for (const [gk, g] of groupKeys(keys, (k) => argsKey(k.scope, { ...k.args, first: 0, after: null }))) {
      const counts = await service.countsByParent(ctx(), g.sample.scope, g.parentIds, g.sample.args.filter);
      for (const id of g.parentIds) results.set(`${gk}#${id}`, counts.get(id) ?? 0);
    }
    return keys.map((k) => results.get(`${argsKey(k.scope, { ...k.args, first: 0, after: null })}#${k.parentId}`) ?? 0);
  }), { cacheKeyFn: (k) => `${argsKey(k.scope, { ...k.args, first: 0, after: null })}#${k.parentId}` });

  const eventPages = new DataLoader<ScopedListKey, EventConnection | Error, string>(reportingBatch('eventPages', report, async (keys) => {
    const results = new Map<string, EventConnection | Error>();
    for (const [gk, g] of groupKeys(keys, (k) => argsKey(k.scope, k.args))) {
      try {
        const pages = await service.pagesByParent(ctx(), g.sample.scope, g.parentIds, g.sample.args,
          (parentId) => eventCounts.load({ scope: g.sample.scope, parentId, args: g.sample.args }));
        for (const [id, page] of pages) results.set(`${gk}#${id}`, page);
      } catch (err) {
        for (const id of g.parentIds) results.set(`${gk}#${id}`, err as Error);
      }
    }
    return keys.map((k) => results.get(`${argsKey(k.scope, k.args)}#${k.parentId}`) as EventConnection | Error);
  }), { cacheKeyFn: (k) => `${argsKey(k.scope, k.args)}#${k.parentId}` });

  return { eventById, eventBySlug, eventPages, eventCounts };
}
