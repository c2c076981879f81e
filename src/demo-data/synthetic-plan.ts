import { foldText } from '../shared/text-fold';
import { instantOfWallClock } from '../shared/time';
import type { EventTimes } from './demo-loader';
import type { DemoCategory, DemoContact, DemoEvent, DemoOrganizer, DemoText } from './demo-world';
import {
  BORDER_AREAS, BORDER_SEATS, CAMPAIGN_NAMES, CATEGORY_WEIGHTS, CONTACT_ROLES, DESCRIPTION_TAILS, FIRST_NAMES,
  INITIATIVE_NAMES, LAST_NAMES, NETWORK_NAMES, STREETS, SUBJECTS, TITLES, TOPICS, TRADE_FAIRS, VENUES,
  fillTemplate, placeName, type Topic, type Tri,
} from './synthetic-vocabulary';

// The synthetic dataset's plan. Everything here is pure: one PRNG stream, consumed in a
// fixed order (organisers, then campaigns, then events by index), so chunking and ids
// cannot change the data. synthetic.ts writes what this plans.

/**
 * mulberry32: a 32-bit seeded PRNG (Tommy Ettinger's public-domain generator). Tiny, fast
 * and good enough for test data; not for anything secret. Returns floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// campaigns, then events by index), so chunking and ids cannot change the data.

export interface RegionRow { code: string; name_de: string; name_fr: string | null; country: string }
export interface Campaign { slug: string; name: DemoText; firstDay: number; lastDay: number; initiator: number | null; patronIds: number[] }
export interface PlannedEvent { event: DemoEvent; times: EventTimes; campaign: number | null; organizers: number[]; patronId: number | null; createdAt: number; updatedAt: number }
export interface Plan {
  seed: number; rng: Rng; regions: RegionRow[]; anyRegion: Weighted; near: Map<string, number[]>;
  organizers: DemoOrganizer[]; seat: number[]; topic: Topic[]; related: number[][];
  initiatives: Weighted; networks: Weighted; members: [number, number][]; partners: [number, number][];
  campaigns: Campaign[]; patronIds: number[]; offsets: Map<string, number>;
}

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 1);
const FIRST_DAY = Date.UTC(2016, 0, 1) / DAY;
const LAST_DAY = Date.UTC(2027, 11, 31) / DAY;
const ZONES: Record<string, string> = { DE: 'Europe/Berlin', CH: 'Europe/Zurich', FR: 'Europe/Paris' };
const STATUS: [DemoEvent['status'], number][] = [['PUBLISHED', 92], ['CANCELLED', 4], ['SUBMITTED', 2], ['DRAFT', 1], ['REJECTED', 1]];

class Rng {
  readonly next: () => number;
  constructor(seed: number) { this.next = mulberry32(seed); }
  int(min: number, max: number): number { return min + Math.floor(this.next() * (max - min + 1)); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(items: readonly T[]): T { return items[Math.floor(this.next() * items.length)]; }
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let r = this.next() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [item, weight] of pairs) if ((r -= weight) < 0) return item;
    return pairs[pairs.length - 1][0];
  }
  /** Up to k distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }
}

/** Indexes drawn by weight, by binary search over cumulative sums (draws are frequent). */
class Weighted {
  private readonly sums: number[] = [];
  constructor(readonly items: number[], weights: number[]) {
    let sum = 0;
    for (const w of weights) this.sums.push((sum += w));
  }
  pick(rng: Rng): number {
    const r = rng.next() * this.sums[this.sums.length - 1];
    let lo = 0;
    let hi = this.sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sums[mid] > r) hi = mid; else lo = mid + 1;
    }
    return this.items[lo];
  }
}

export function planWorld(seed: number, events: number, regions: RegionRow[], states: RegionRow[], patronIds: number[]): Plan {
  const rng = new Rng(seed);
  // Baden-Württemberg is the article's home, so it gets most clusters; Alsace next door more than CH.
  const regionWeight = (code: string) => (code.startsWith('DE1') ? 6 : code.startsWith('FRF') ? 2 : 1);
  const anyRegion = new Weighted(regions.map((_, i) => i), regions.map((r) => regionWeight(r.code)));
  const near = new Map<string, number[]>();
  regions.forEach((r, i) => {
    for (const key of [r.code.slice(0, 3), r.code.slice(0, 4)]) near.set(key, [...(near.get(key) ?? []), i]);
  });
  const plan: Plan = {
    seed, rng, regions, anyRegion, near, organizers: [], seat: [], topic: [], related: [],
    initiatives: new Weighted([], []), networks: new Weighted([], []), members: [], partners: [], campaigns: [], patronIds,
    offsets: new Map(),
  };
  const names = new Set<string>();
  const place = (r: RegionRow) => ({ de: placeName(r.name_de), fr: r.name_fr ?? placeName(r.name_de), en: placeName(r.name_de) });
  const add = (o: DemoOrganizer, seat: number, topic: Topic) => {
    while (names.has(o.name.de)) o.name = { de: `${o.name.de} II`, fr: `${o.name.fr} II`, en: `${o.name.en} II` };
    names.add(o.name.de);
    o.website = `https://${foldText(o.name.de).replace(/ /g, '-').slice(0, 60).replace(/-+$/, '')}.example.org`;
    plan.organizers.push(o);
    plan.seat.push(seat);
    plan.topic.push(topic);
    plan.related.push([]);
  };

  const initiativeCount = Math.max(40, Math.round(events / 250));
  for (let i = 0; i < initiativeCount; i++) {
    const seat = anyRegion.pick(rng);
    const topic = rng.pick(TOPICS);
    const p = place(regions[seat]);
    const vars = (l: keyof Tri) => ({ B: l === 'en' ? titleCase(topic.name.en) : topic.name[l], K: topic.short, P: p[l] });
    const t = rng.pick(INITIATIVE_NAMES);
    add({
      key: `i${i}`, kind: 'INITIATIVE', synthetic: true, regionCode: regions[seat].code, topics: rng.sample(topic.tags, rng.int(1, 3)),
      name: { de: fillTemplate(t.de, vars('de')), fr: capital(fillTemplate(t.fr, vars('fr'))), en: capital(fillTemplate(t.en, vars('en'))) },
      contacts: plannedContacts(rng),
    }, seat, topic);
  }

  const networkCount = Math.max(8, Math.round(events / 2000));
  const crossBorder = Math.max(2, Math.round(networkCount * 0.12));
  const borderSeats = regions.map((r, i) => (BORDER_SEATS.includes(r.code) ? i : -1)).filter((i) => i >= 0);
  const networkStart = plan.organizers.length;
  for (let i = 0; i < networkCount; i++) {
    const border = i < crossBorder && borderSeats.length > 0;
    const seat = border ? rng.pick(borderSeats) : anyRegion.pick(rng);
    const r = regions[seat];
    const scope = border ? 'CROSS_BORDER' : rng.weighted([['REGIONAL', 45], ['STATEWIDE', 35], ['NATIONAL', 20]] as const);
    const area = BORDER_AREAS.find(([prefix]) => r.code.startsWith(prefix));
    const state = states.find((s) => r.code.startsWith(s.code));
    const areaName: Tri = scope === 'CROSS_BORDER' && area ? area[1]
      : scope === 'NATIONAL' ? { de: countryName(r.country).de, fr: countryName(r.country).fr, en: countryName(r.country).en }
      : scope === 'STATEWIDE' && state ? { de: state.name_de, fr: state.name_fr ?? state.name_de, en: state.name_de }
      : place(r);
    const topic = rng.pick(TOPICS);
    const vars = (l: keyof Tri) => ({ B: l === 'en' ? titleCase(topic.name.en) : topic.name[l], K: topic.short, A: areaName[l] });
    const t = rng.pick(NETWORK_NAMES);
    add({
      key: `n${i}`, kind: 'NETWORK', synthetic: true, regionCode: r.code, scope,
      countries: scope === 'CROSS_BORDER' && area ? area[2] : [r.country],
      name: { de: fillTemplate(t.de, vars('de')), fr: capital(fillTemplate(t.fr, vars('fr'))), en: capital(fillTemplate(t.en, vars('en'))) },
      contacts: plannedContacts(rng),
    }, seat, topic);
    const n = networkStart + i;
    // Members come from near the seat first, then the wider area, then anywhere.
    const initiativeIdx = (pred: (code: string) => boolean) =>
      plan.organizers.slice(0, initiativeCount).map((o, j) => (pred(o.regionCode!) ? j : -1)).filter((j) => j >= 0);
    const tiers = scope === 'REGIONAL' ? [initiativeIdx((c) => c.startsWith(r.code.slice(0, 4))), initiativeIdx((c) => c.startsWith(r.code.slice(0, 3)))]
      : scope === 'STATEWIDE' ? [initiativeIdx((c) => c.startsWith(r.code.slice(0, 3)))]
      : scope === 'NATIONAL' ? [initiativeIdx((c) => c.startsWith(r.country))]
      : [initiativeIdx((c) => c.startsWith(r.code.slice(0, 4))), initiativeIdx((c) => (area?.[2] ?? []).some((k) => c.startsWith(k === 'DE' ? 'DE1' : k)))];
    const chosen = new Set<number>();
    const k = rng.int(3, 10);
    for (const tier of [...tiers, initiativeIdx(() => true)]) {
      for (const j of rng.sample(tier.filter((x) => !chosen.has(x)), k - chosen.size)) chosen.add(j);
    }
    for (const j of chosen) {
      plan.members.push([n, j]);
      plan.related[n].push(j);
      plan.related[j].push(n);
    }
  }
  // Cross-border networks partner with each other and with networks seated outside Germany.
  const pool = plan.organizers.map((o, j) => (o.kind === 'NETWORK' && (o.scope === 'CROSS_BORDER' || !o.regionCode!.startsWith('DE')) ? j : -1)).filter((j) => j >= 0);
  const pairs = new Set<string>();
  for (let n = networkStart; n < networkStart + crossBorder; n++) {
    for (const p of rng.sample(pool.filter((j) => j !== n), rng.int(1, 3))) {
      const key = n < p ? `${n}:${p}` : `${p}:${n}`;
      if (!pairs.has(key)) plan.partners.push([n, p]);
      pairs.add(key);
    }
  }
  const activity = () => 0.2 + 4 * rng.next() ** 3;  // a few very active organisers, many quiet ones
  const idx = (from: number, to: number) => Array.from({ length: to - from }, (_, j) => from + j);
  plan.initiatives = new Weighted(idx(0, initiativeCount), idx(0, initiativeCount).map(activity));
  plan.networks = new Weighted(idx(networkStart, plan.organizers.length), idx(networkStart, plan.organizers.length).map(activity));

  const years = rng.sample([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025], rng.int(3, 5)).sort((a, b) => a - b);
  for (const year of years) {
    let firstDay = Date.UTC(year, rng.int(3, 9), rng.int(1, 28)) / DAY;
    while (weekday(firstDay) !== 1) firstDay++;
    const t = rng.pick(CAMPAIGN_NAMES);
    const y = { Y: String(year) };
    plan.campaigns.push({
      slug: `clusterwoche-${year}-s${seed}`, name: { de: fillTemplate(t.de, y), fr: fillTemplate(t.fr, y), en: fillTemplate(t.en, y) },
      firstDay, lastDay: firstDay + rng.pick([4, 4, 6, 8]),
      initiator: rng.chance(0.7) ? plan.networks.pick(rng) : null, patronIds: rng.sample(patronIds, rng.int(1, 2)),
    });
  }
  return plan;
}

function plannedContacts(rng: Rng): DemoContact[] {
  const n = rng.weighted([[0, 30], [1, 50], [2, 20]] as const);
  return Array.from({ length: n }, () => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    return { name: `${first} ${last}`, role: rng.pick(CONTACT_ROLES), email: `${foldText(first)}.${foldText(last)}@example.org` };
  });
}

export function planEvent(plan: Plan, index: number): PlannedEvent {
  const { rng, regions } = plan;
  const lead = rng.chance(0.85) ? plan.initiatives.pick(rng) : plan.networks.pick(rng);
  const organizers = [lead];
  const wanted = rng.weighted([[1, 60], [2, 30], [3, 10]] as const);
  for (let tries = 0; organizers.length < wanted && tries < 10; tries++) {
    const related = plan.related[lead];
    const o = related.length > 0 && rng.chance(0.6) ? rng.pick(related) : plan.initiatives.pick(rng);
    if (!organizers.includes(o)) organizers.push(o);
  }

  const seat = regions[plan.seat[lead]].code;
  const where = rng.next();
  const region = regions[where < 0.7 ? plan.seat[lead]
    : where < 0.9 ? rng.pick(plan.near.get(seat.slice(0, 4))!)
    : where < 0.97 ? rng.pick(plan.near.get(seat.slice(0, 3))!) : plan.anyRegion.pick(rng)];
  const country = region.country;
  const category: DemoCategory = rng.weighted(CATEGORY_WEIGHTS);

  const campaign = plan.campaigns.length > 0 && rng.chance(0.4) ? rng.int(0, plan.campaigns.length - 1) : null;
  const c = campaign === null ? null : plan.campaigns[campaign];
  let day = c ? rng.int(c.firstDay, c.lastDay) : rng.int(FIRST_DAY, LAST_DAY);
  const weekendOk = category === 'OPEN_DAY' || category === 'TRADE_FAIR' || category === 'EXHIBITION';
  if (!c && !weekendOk && (weekday(day) === 0 || weekday(day) === 6) && rng.chance(0.9)) day += 2;
  const start = 60 * rng.weighted([[8, 6], [9, 14], [10, 14], [11, 6], [13, 6], [14, 12], [15, 6], [16, 6], [17, 8], [18, 8]] as const)
    + rng.weighted([[0, 6], [30, 3], [15, 1]] as const);
  const multiDay = category === 'TRADE_FAIR' ? rng.int(3, 5)
    : category === 'EXHIBITION' && rng.chance(0.6) ? rng.int(2, 14)
    : category === 'CONFERENCE' && rng.chance(0.35) ? 2 : rng.chance(0.03) ? 2 : 1;
  const days = c ? Math.min(multiDay, c.lastDay - day + 1) : multiDay;
  const zone = ZONES[region.country];
  let end: [number, number] | undefined;
  if (!rng.chance(0.1)) {
    end = days > 1 ? [day + days - 1, 60 * rng.int(16, 18)]
      // Single days end by 22:00: all times stay clear of the night's DST switch (see localInstant).
      : [day, Math.min(start + 60 * rng.weighted([[1, 10], [2, 25], [3, 25], [4, 15], [5, 5], [6, 8], [7, 5], [8, 7]] as const), 22 * 60)];
  }
  const times: EventTimes = {
    startsAt: localInstant(plan, zone, day, start),
    endsAt: end ? localInstant(plan, zone, end[0], end[1]) : null,
    startsLocal: `${wallClock(day, start)}:00`,
  };

  const topic = rng.chance(0.8) ? plan.topic[lead] : rng.pick(TOPICS);
  const subject = rng.pick(SUBJECTS);
  const leadName = plan.organizers[lead].name;
  const p = { de: placeName(region.name_de), fr: region.name_fr ?? placeName(region.name_de), en: placeName(region.name_de) };
  const fair = rng.pick(TRADE_FAIRS);
  const year = isoDate(day).slice(0, 4);
  const template = rng.pick(TITLES[category]);
  const text = (l: keyof Tri) => capital(fillTemplate(template[l], {
    S: subject[l], T: topic.within[l], B: topic.name[l], P: p[l], Y: year, O: leadName[l] ?? leadName.de, F: fair,
  }));
  // Two draws here once decided whether an event had a French and an English text. Every
  // event has all three now, but the draws stay: skipping one would shift every later draw
  // and so change every later row of a seed that benchmarks and tests compare.
  if (country === 'DE' && /^DE1[23]/.test(region.code)) rng.next();
  const languages: DemoEvent['languages'] = country === 'DE'
    ? rng.weighted([[['DE'], 86], [['DE', 'EN'], 11], [['EN'], 3]] as const).slice()
    : rng.weighted([[['DE', 'FR'], 55], [['FR'], 30], [['DE'], 10], [['FR', 'EN'], 5]] as const).slice();
  if (!languages.includes('EN')) rng.next();
  const title: Tri = { de: text('de'), fr: text('fr'), en: text('en') };
  const tail = rng.pick(DESCRIPTION_TAILS);
  // No German description, none at all: a translation of nothing would read oddly.
  const description: DemoText | undefined = rng.chance(0.9) ? {
    de: `${leadName.de} lädt ein zu „${title.de}“. ${tail.de}`,
    fr: `${leadName.fr ?? leadName.de} vous invite à «\u00a0${title.fr}\u00a0». ${tail.fr}`,
    en: `${leadName.en ?? leadName.de} invites you to “${title.en}”. ${tail.en}`,
  } : undefined;

  const venueCountry = country as 'DE' | 'CH' | 'FR';
  const online = template.de.startsWith('Webinar') || rng.chance(0.12);
  const street = rng.pick(STREETS[venueCountry]);
  const number = rng.int(1, 120);
  const slug = `syn-s${plan.seed}-${index}`;
  const url = rng.chance(0.7) ? `${plan.organizers[lead].website}/veranstaltungen/${slug}` : undefined;
  const event: DemoEvent = {
    slug, title, description, category,
    status: rng.weighted(STATUS), startsAt: wallClock(day, start), endsAt: end && wallClock(end[0], end[1]), timeZone: zone, regionCode: region.code,
    venue: online ? undefined : category === 'TRADE_FAIR' ? { name: fair, country: 'DE' } : {
      name: fillTemplate(rng.pick(VENUES[venueCountry]), { P: p.de }), city: p.de, country,
      street: venueCountry === 'FR' ? `${number} ${street}` : `${street} ${number}`,
    },
    organizerKeys: [], patronKeys: [], languages, url, registrationUrl: url && rng.chance(0.5) ? `${url}/anmeldung` : undefined,
    synthetic: true,
  };

  // Roughly "entered a few weeks ahead, sometimes edited", and never after 2026-01-01.
  let createdAt = times.startsAt - rng.int(7, 120) * DAY - rng.int(0, 86_399) * 1000;
  if (createdAt > BASE - DAY) createdAt = BASE - rng.int(1, 90) * DAY - rng.int(0, 86_399) * 1000;
  const updatedAt = Math.min(BASE, createdAt + (rng.chance(0.55) ? 0 : rng.int(1, 40) * DAY + rng.int(0, 86_399) * 1000));
  const patronId = plan.patronIds.length > 0 && rng.chance(0.15) ? rng.pick(plan.patronIds) : null;
  return { event, times, campaign, organizers, patronId, createdAt, updatedAt };
}

/**
 * The instant of a wall-clock time between 04:00 and 24:00 in zone: the zone's offset at
 * noon of that day, looked up once per day. European zones switch DST between 01:00 and
 * 03:00, so after 04:00 the noon offset is the day's offset; this is exactly what
 * instantOfWallClock gives, without asking Intl three times per event (half the run time).
 */
function localInstant(plan: Plan, zone: string, day: number, minutes: number): number {
  const key = `${zone} ${day}`;
  let offset = plan.offsets.get(key);
  if (offset === undefined) {
    offset = day * DAY + 12 * 3_600_000 - instantOfWallClock(`${isoDate(day)}T12:00`, zone);
    plan.offsets.set(key, offset);
  }
  return day * DAY + minutes * 60_000 - offset;
}

function weekday(day: number): number {
  return (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
}

export function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function wallClock(day: number, minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${isoDate(day)}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function titleCase(s: string): string {
  return s.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

function countryName(country: string): Tri {
  return country === 'CH' ? { de: 'Schweiz', fr: 'Suisse', en: 'Switzerland' }
    : country === 'FR' ? { de: 'Frankreich', fr: 'France', en: 'France' }
    : { de: 'Deutschland', fr: 'Allemagne', en: 'Germany' };
}
