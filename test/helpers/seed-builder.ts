import type { Database } from '../../src/db/database';
import { loadDemoWorld } from '../../src/demo-data/demo-loader';
import type {
  DemoCampaign, DemoEvent, DemoOrganizer, DemoOrganizerKind, DemoPatron, DemoWorld,
} from '../../src/demo-data/demo-world';

/** What a test may say about an organiser; the key and kind come from the builder method. */
export type OrganizerSpec = Partial<Omit<DemoOrganizer, 'key' | 'kind'>>;

/**
 * What a test may say about an event; everything else gets a plain default. `updatedAt`
 * (an ISO instant) overrides the load time as the event's last change.
 */
export type EventSpec = Partial<DemoEvent> & { updatedAt?: string };

/** Options of load(). */
export interface LoadOptions {
  /** createdAt/updatedAt of every record (ISO instant or epoch ms); default now. */
  now?: string | number;
}

/**
 * A small fluent builder of a DemoWorld for one test file: organisers, patrons, campaigns
 * and events refer to each other by local keys, loaded in one transaction with the demo
 * loader. Keys resolve only within this builder's world (the loader knows nothing of the
 * demo data), so a builder must define every organiser, patron and campaign it names.
 *
 *   await seed(server.db)
 *     .initiative('photonik', { regionCode: 'DE122' })
 *     .events(150, (i) => ({ startsAt: `2019-03-${pad(1 + (i % 28))}T10:00` }))
 *     .load();
 */
export class SeedBuilder {
  private readonly worldOrganizers: DemoOrganizer[] = [];
  private readonly worldPatrons: DemoPatron[] = [];
  private readonly worldCampaigns: DemoCampaign[] = [];
  private readonly worldEvents: DemoEvent[] = [];
  private readonly updatedAt = new Map<string, number>();

  constructor(private readonly db: Database, private readonly prefix: string) {}

  /** A ministry (FEDERAL unless `level` says otherwise). */
  ministry(key: string, spec: OrganizerSpec = {}): this {
    return this.organizer('MINISTRY', key, { level: 'FEDERAL', ...spec });
  }

  /** A cluster initiative. */
  initiative(key: string, spec: OrganizerSpec = {}): this {
    return this.organizer('INITIATIVE', key, spec);
  }

  /** A network (REGIONAL in DE unless said otherwise); `memberKeys` name initiatives of this builder. */
  network(key: string, spec: OrganizerSpec = {}): this {
    return this.organizer('NETWORK', key, { scope: 'REGIONAL', countries: ['DE'], ...spec });
  }

  /** A patron, optionally holding office in a ministry of this builder (`ministryKey`). */
  patron(key: string, spec: Partial<Omit<DemoPatron, 'key'>> = {}): this {
    this.worldPatrons.push({ name: `Patron ${key}`, ...spec, key });
    return this;
  }

  /** A campaign; its slug is what filters and events use. */
  campaign(slug: string, spec: Partial<Omit<DemoCampaign, 'slug'>> = {}): this {
    this.worldCampaigns.push({
      name: { de: `Kampagne ${slug}` }, startsOn: '2019-01-01', endsOn: '2019-12-31', patronKeys: [], ...spec, slug,
    });
    return this;
  }

  /** One event; its organiser defaults to the first organiser of this builder. */
  event(slug: string, spec: EventSpec = {}): this {
    const { updatedAt, ...rest } = spec;
    const organizerKeys = rest.organizerKeys ?? (this.worldOrganizers[0] ? [this.worldOrganizers[0].key] : []);
    this.worldEvents.push({
      title: { de: `Veranstaltung ${slug}` },
      category: 'OTHER',
      status: 'PUBLISHED',
      startsAt: '2019-03-01T10:00',
      timeZone: 'Europe/Berlin',
      regionCode: 'DE111',
      patronKeys: [],
      languages: ['DE'],
      synthetic: true,
      ...rest,
      organizerKeys,
      slug,
    });
    if (updatedAt !== undefined) this.updatedAt.set(slug, Date.parse(updatedAt));
    return this;
  }

  /** n events made by spec(i) for i = 0…n-1; slugs are `<prefix>-event-<i>` unless spec gives one. */
  events(n: number, spec: (i: number) => EventSpec = () => ({})): this {
    for (let i = 0; i < n; i += 1) {
      const s = spec(i);
      this.event(s.slug ?? `${this.prefix}-event-${i}`, s);
    }
    return this;
  }

  /** The world as built so far (for assertions on what was seeded). */
  build(): DemoWorld {
    return {
      organizers: [...this.worldOrganizers], patrons: [...this.worldPatrons],
      campaigns: [...this.worldCampaigns], events: [...this.worldEvents],
    };
  }

  /** Writes the world in one transaction and returns it. */
  async load(options: LoadOptions = {}): Promise<DemoWorld> {
    const world = this.build();
    const now = options.now === undefined ? Date.now()
      : typeof options.now === 'number' ? options.now : Date.parse(options.now);
    await this.db.transaction(async (tx) => {
      await loadDemoWorld(tx, world, now);
      for (const [slug, at] of this.updatedAt) {
        await tx.query('UPDATE event SET updated_at = ? WHERE slug = ?', [at, slug]);
      }
    });
    return world;
  }

  private organizer(kind: DemoOrganizerKind, key: string, spec: OrganizerSpec): this {
    this.worldOrganizers.push({ name: { de: `Organisation ${key}` }, synthetic: true, ...spec, key, kind });
    return this;
  }
}

let builders = 0;

/** A fresh builder writing into db; `prefix` names generated slugs (default unique per builder). */
export function seed(db: Database, prefix = `seed${++builders}`): SeedBuilder {
  return new SeedBuilder(db, prefix);
}

/** Two digits, for building wall-clock times: pad(4) === '04'. */
export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
