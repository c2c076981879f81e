import type { RequestContext } from '../shared/request-context';
import { EventStatus, type Event, type EventFilter } from '../modules/events';
import type { Organizer } from '../modules/organizers';
import type { Region } from '../modules/regions';
import type { Campaign } from '../modules/campaigns';

/** An event with what a feed row shows beside it. */
export interface FeedEvent {
  event: Event;
  /** In the event's order. */
  organizers: Organizer[];
  region: Region | null;
  campaign: Campaign | null;
}

/**
 * Why a cancelled event was called off, as its canceller wrote it; null for an event not
 * cancelled (a rejection's reason is between the cluster unit and the editor, not for feeds).
 */
export function cancellationReason(e: Event): string | null {
  return e.status === EventStatus.CANCELLED && e.statusReason ? e.statusReason : null;
}

/** A validated selection, ready to stream. */
export interface EventFeedSource {
  /** The time zones the selected events use (for VTIMEZONE blocks ahead of the events). */
  timeZones(): Promise<string[]>;
  /** The selected events in start order, a chunk at a time. */
  chunks(): AsyncGenerator<FeedEvent[]>;
  /** Count and latest change of the selection (one statement), for the ETag. */
  version(): Promise<{ count: number; lastChange: number }>;
}

/**
 * Opens the selection of a feed: every event matching `filter` that the request's viewer
 * may read (the public gets PUBLISHED and CANCELLED), as events select it for feeds and
 * exports (EventExportService.selectReadable, the GraphQL filter's checks and visibility).
 * Resolves only once the filter is valid, so a bad region or campaign rejects
 * (BadUserInputError) before a single byte is sent.
 *
 * Per chunk it costs one statement for the events, one for all their organisers, and at
 * most one each for regions and campaigns not seen before (the request's loaders cache
 * those: there are a few hundred at most). Organisers are not cached: they would grow
 * with the rows.
 */
export async function openEventFeed(ctx: RequestContext, filter: EventFilter): Promise<EventFeedSource> {
  const selection = await ctx.services.eventExport.selectReadable(ctx, filter);
  return {
    timeZones: () => selection.timeZones(),
    version: () => selection.version(),
    chunks: async function* () {
      for await (const events of selection.chunks()) {
        yield await withRelations(ctx, events);
      }
    },
  };
}

async function withRelations(ctx: RequestContext, events: Event[]): Promise<FeedEvent[]> {
  const campaignIds = [...new Set(events.map((e) => e.campaignId).filter((id): id is number => id !== null))];
  const regionCodes = [...new Set(events.map((e) => e.regionCode))];
  const [links, regions, campaigns] = await Promise.all([
    ctx.services.organizers.byEvents(events.map((e) => e.pk)),
    ctx.loaders.regionByCode.loadMany(regionCodes),
    ctx.loaders.campaignById.loadMany(campaignIds),
  ]);
  const organizersOf = new Map<number, Organizer[]>();
  for (const { key, value } of links) {
    const list = organizersOf.get(key);
    if (list) list.push(value);
    else organizersOf.set(key, [value]);
  }
  const regionOf = new Map(found(regions).map((r) => [r.code, r]));
  const campaignOf = new Map(found(campaigns).map((c) => [c.pk, c]));
  return events.map((event) => ({
    event,
    organizers: organizersOf.get(event.pk) ?? [],
    region: regionOf.get(event.regionCode) ?? null,
    campaign: event.campaignId === null ? null : campaignOf.get(event.campaignId) ?? null,
  }));
}

/** The values a loadMany found; a failed batch fails the chunk rather than blanking cells. */
function found<T>(values: (T | null | Error)[]): T[] {
  return values.filter((v): v is T => {
    if (v instanceof Error) throw v;
    return v !== null;
  });
}
