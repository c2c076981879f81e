import type { SqlExecutor, SqlValue } from '../db/database';
import { foldText } from '../shared/text-fold';
import { instantOfWallClock } from '../shared/time';
import { regionColumns, startsLocalOf, titleSortOf, indexEvents } from '../modules/events';
import { allocateIds, insertRows, resetSequences } from '../db/bulk-insert';
import type { DemoContact, DemoEvent, DemoOrganizer, DemoWorld } from './demo-world';

/** Columns of organizer in the order organizerRow fills them. */
export const ORGANIZER_COLUMNS = [
  'id', 'kind', 'name_de', 'name_fr', 'name_en', 'name_sort', 'region_code', 'website', 'synthetic',
  'short_name', 'level', 'topics', 'scope', 'countries',
];

/** Columns of contact in the order contactRow fills them. */
export const CONTACT_COLUMNS = [
  'id', 'organizer_id', 'position', 'name', 'role_de', 'role_fr', 'role_en', 'email', 'phone',
];

/** Columns of event in the order eventRow fills them. */
export const EVENT_COLUMNS = [
  'id', 'slug', 'title_de', 'title_fr', 'title_en', 'title_sort', 'description_de', 'description_fr',
  'description_en', 'category', 'status', 'starts_at', 'ends_at', 'starts_local', 'time_zone',
  'venue_name', 'venue_street', 'venue_postal_code', 'venue_city', 'venue_country', 'venue_latitude',
  'venue_longitude', 'region_code', 'country', 'nuts1', 'nuts2', 'campaign_id', 'languages', 'url',
  'registration_url', 'synthetic', 'version', 'created_at', 'updated_at',
];

/** The tables whose ids loaders allocate, in the order they lock them (one order: no deadlocks). */
export const ID_TABLES = ['organizer', 'contact', 'patron', 'campaign', 'event'];

/**
 * An organizer row: the kind's own columns filled, the others null (single-table
 * inheritance); topics as JSON text, countries as a comma list, name_sort folded.
 */
export function organizerRow(id: number, o: DemoOrganizer): SqlValue[] {
  const ministry = o.kind === 'MINISTRY';
  const initiative = o.kind === 'INITIATIVE';
  const network = o.kind === 'NETWORK';
  return [
    id, o.kind, o.name.de, o.name.fr ?? null, o.name.en ?? null, foldText(o.name.de), o.regionCode ?? null,
    o.website ?? null, o.synthetic === true,
    ministry ? o.shortName ?? null : null,
    ministry ? o.level ?? null : null,
    initiative ? JSON.stringify(o.topics ?? []) : null,
    network ? o.scope ?? null : null,
    network && o.countries && o.countries.length > 0 ? o.countries.join(',') : null,
  ];
}

/** A contact row of an organizer; position orders the organizer's contacts from 0. */
export function contactRow(id: number, organizerId: number, position: number, c: DemoContact): SqlValue[] {
  return [
    id, organizerId, position, c.name, c.role?.de ?? null, c.role?.fr ?? null, c.role?.en ?? null,
    c.email ?? null, c.phone ?? null,
  ];
}

/** The stored times of an event: instants (epoch ms) and the wall-clock start in its zone. */
export interface EventTimes {
  startsAt: number;
  endsAt: number | null;
  /** "YYYY-MM-DDTHH:mm:ss" */
  startsLocal: string;
}

/** The times of a DemoEvent from its wall-clock start and end in its zone. */
export function eventTimes(e: DemoEvent): EventTimes {
  const startsAt = instantOfWallClock(e.startsAt, e.timeZone);
  const endsAt = e.endsAt === undefined ? null : instantOfWallClock(e.endsAt, e.timeZone);
  return { startsAt, endsAt, startsLocal: startsLocalOf(startsAt, e.timeZone) };
}

/**
 * An event row with its derived columns: times as eventTimes gives them (or as the caller
 * computed them faster, which must be the same values), country/nuts1/nuts2 from the region
 * code and title_sort folded. Version 1.
 */
export function eventRow(
  id: number, e: DemoEvent, campaignId: number | null, createdAt: number, updatedAt = createdAt,
  times: EventTimes = eventTimes(e),
): SqlValue[] {
  const code = e.regionCode;
  const region = regionColumns(code);
  const v = e.venue;
  return [
    id, e.slug, e.title.de, e.title.fr ?? null, e.title.en ?? null, titleSortOf(e.title.de),
    e.description?.de ?? null, e.description?.fr ?? null, e.description?.en ?? null,
    e.category, e.status, times.startsAt, times.endsAt, times.startsLocal, e.timeZone,
    v?.name ?? null, v?.street ?? null, v?.postalCode ?? null, v?.city ?? null, v?.country ?? null,
    v?.latitude ?? null, v?.longitude ?? null,
    code, region.country, region.nuts1, region.nuts2,
    campaignId, e.languages.join(','), e.url ?? null, e.registrationUrl ?? null, e.synthetic, 1, createdAt, updatedAt,
  ];
}

/**
 * Writes a whole DemoWorld through tx: organisers with their kind's columns and contacts,
 * network members and partners, patrons, campaigns with patrons, events with organisers and
 * patrons. Local keys become explicit ids past each table's largest; on PostgreSQL the id
 * sequences are moved past them afterwards. Throws an Error naming the record and the key
 * when a key does not resolve or is defined twice; run it in a transaction so nothing stays.
 */
export async function loadDemoWorld(tx: SqlExecutor, world: DemoWorld, now: number): Promise<void> {
  const first: Record<string, number> = {};
  for (const table of ID_TABLES) first[table] = await allocateIds(tx, table);

  const organizerIds = keyMap('organizer', world.organizers.map((o) => o.key), first.organizer);
  const patronIds = keyMap('patron', world.patrons.map((p) => p.key), first.patron);
  const campaignIds = keyMap('campaign', world.campaigns.map((c) => c.slug), first.campaign);
  keyMap('event', world.events.map((e) => e.slug), first.event);

  const organizers: SqlValue[][] = [];
  const contacts: SqlValue[][] = [];
  const members: SqlValue[][] = [];
  const partners: SqlValue[][] = [];
  const pairs = new Set<string>();
  for (const o of world.organizers) {
    const id = organizerIds.get(o.key)!;
    const owner = `organizer "${o.key}"`;
    organizers.push(organizerRow(id, o));
    (o.contacts ?? []).forEach((c, position) => contacts.push(contactRow(first.contact + contacts.length, id, position, c)));
    for (const key of o.memberKeys ?? []) members.push([id, resolve(organizerIds, key, 'member organizer', owner)]);
    for (const key of o.partnerKeys ?? []) {
      const partner = resolve(organizerIds, key, 'partner organizer', owner);
      // A partnership is symmetric and stored once, whichever side lists it.
      const pair = id < partner ? `${id}:${partner}` : `${partner}:${id}`;
      if (!pairs.has(pair)) partners.push([id, partner]);
      pairs.add(pair);
    }
  }

  const patrons = world.patrons.map((p) => [
    patronIds.get(p.key)!, p.name, p.honorific ?? null, p.office?.de ?? null, p.office?.fr ?? null, p.office?.en ?? null,
    p.ministryKey === undefined ? null : resolve(organizerIds, p.ministryKey, 'ministry', `patron "${p.key}"`),
    p.imageCredit ?? null,
  ]);

  const campaigns: SqlValue[][] = [];
  const campaignPatrons: SqlValue[][] = [];
  for (const c of world.campaigns) {
    const id = campaignIds.get(c.slug)!;
    const owner = `campaign "${c.slug}"`;
    const initiator = c.initiatorKey === undefined ? null : resolve(organizerIds, c.initiatorKey, 'initiator organizer', owner);
    campaigns.push([id, c.slug, c.name.de, c.name.fr ?? null, c.name.en ?? null, c.startsOn, c.endsOn, initiator]);
    c.patronKeys.forEach((key, position) => campaignPatrons.push([id, resolve(patronIds, key, 'patron', owner), position]));
  }

  const events: SqlValue[][] = [];
  const eventOrganizers: SqlValue[][] = [];
  const eventPatrons: SqlValue[][] = [];
  world.events.forEach((e, i) => {
    const id = first.event + i;
    const owner = `event "${e.slug}"`;
    const campaign = e.campaignSlug === undefined ? null : resolve(campaignIds, e.campaignSlug, 'campaign', owner);
    const { createdAt, updatedAt } = recordTimes(e, now, owner);
    events.push(eventRow(id, e, campaign, createdAt, updatedAt));
    e.organizerKeys.forEach((key, position) => eventOrganizers.push([id, resolve(organizerIds, key, 'organizer', owner), position]));
    e.patronKeys.forEach((key, position) => eventPatrons.push([id, resolve(patronIds, key, 'patron', owner), position]));
  });

  await insertRows(tx, 'organizer', ORGANIZER_COLUMNS, organizers);
  await insertRows(tx, 'contact', CONTACT_COLUMNS, contacts);
  await insertRows(tx, 'network_member', ['network_id', 'initiative_id'], members);
  await insertRows(tx, 'network_partner', ['network_id', 'partner_id'], partners);
  await insertRows(tx, 'patron', ['id', 'name', 'honorific', 'office_de', 'office_fr', 'office_en', 'ministry_id', 'image_credit'], patrons);
  await insertRows(tx, 'campaign', ['id', 'slug', 'name_de', 'name_fr', 'name_en', 'starts_on', 'ends_on', 'initiator_id'], campaigns);
  await insertRows(tx, 'campaign_patron', ['campaign_id', 'patron_id', 'position'], campaignPatrons);
  await insertRows(tx, 'event', EVENT_COLUMNS, events);
  await indexEvents(tx, events.map((row) => row[0] as number));
  await insertRows(tx, 'event_organizer', ['event_id', 'organizer_id', 'position'], eventOrganizers);
  await insertRows(tx, 'event_patron', ['event_id', 'patron_id', 'position'], eventPatrons);
  await resetSequences(tx, ID_TABLES);
}

/** An event's createdAt/updatedAt (epoch ms): its own when it has them, else now. */
function recordTimes(e: DemoEvent, now: number, owner: string): { createdAt: number; updatedAt: number } {
  const createdAt = e.createdAt === undefined ? now : instantOf(e.createdAt, 'createdAt', owner);
  const updatedAt = e.updatedAt === undefined ? createdAt : instantOf(e.updatedAt, 'updatedAt', owner);
  if (updatedAt < createdAt) throw new Error(`demo world: ${owner} has updatedAt before createdAt`);
  return { createdAt, updatedAt };
}

function instantOf(iso: string, what: string, owner: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`demo world: ${owner} has an invalid ${what} "${iso}"`);
  return ms;
}

/** Consecutive ids from firstId for keys; a key given twice is an error. */
function keyMap(what: string, keys: string[], firstId: number): Map<string, number> {
  const ids = new Map<string, number>();
  for (const key of keys) {
    if (ids.has(key)) throw new Error(`demo world: ${what} key "${key}" is defined twice`);
    ids.set(key, firstId + ids.size);
  }
  return ids;
}

function resolve(ids: Map<string, number>, key: string, what: string, owner: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`demo world: ${owner} refers to unknown ${what} key "${key}"`);
  return id;
}
