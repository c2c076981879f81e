import { BY_KEY, type Database } from '../../db/database';
import { entityReader, type EntityReader } from '../../db/entity-reader';
import { Organizer, type OrganizerKind } from './organizer.entity';
import { Contact } from './contact.entity';
import { organizerConditions, type OrganizerFilter } from './organizer-filter';

/** Reads organisers of every kind and their contacts; the relations are batched by key. */
export class OrganizerService {
  readonly reader: EntityReader<Organizer>;
  private readonly contacts: EntityReader<Contact>;

  constructor(private readonly db: Database) {
    this.reader = entityReader(db.dataSource, Organizer);
    this.contacts = entityReader(db.dataSource, Contact);
  }

  async byIds(ids: readonly number[]): Promise<Organizer[]> {
    const keys = this.db.dialect.keyIn('o.id', ids);
    const rows = await this.db.query(`SELECT ${this.reader.select('o')} FROM organizer o WHERE ${keys.sql}`, keys.params, BY_KEY);
    return rows.map((r) => this.reader.hydrate(r));
  }

  /** The organisers of events, in each event's order. */
  async byEvents(eventIds: readonly number[]): Promise<{ key: number; value: Organizer }[]> {
    const keys = this.db.dialect.keyIn('eo.event_id', eventIds);
    const rows = await this.db.query(
      `SELECT eo.event_id AS "eventId", ${this.reader.select('o')}
       FROM event_organizer eo JOIN organizer o ON o.id = eo.organizer_id
       WHERE ${keys.sql} ORDER BY eo.event_id, eo.position, o.id`,
      keys.params, BY_KEY,
    );
    return rows.map((r) => ({ key: Number(r.eventId), value: this.reader.hydrate(r) }));
  }

  /** The contacts of organisers, in their order. */
  async contactsOf(organizerIds: readonly number[]): Promise<{ key: number; value: Contact }[]> {
    const keys = this.db.dialect.keyIn('c.organizer_id', organizerIds);
    const rows = await this.db.query(
      `SELECT ${this.contacts.select('c')} FROM contact c WHERE ${keys.sql} ORDER BY c.organizer_id, c.position, c.id`,
      keys.params, BY_KEY,
    );
    return rows.map((r) => {
      const c = this.contacts.hydrate(r);
      return { key: c.organizerId, value: c };
    });
  }

  /** All organisers of a kind matching a filter, ordered by name (small lists: ministries). */
  async allOfKind(kind: OrganizerKind, filter: OrganizerFilter = {}): Promise<Organizer[]> {
    const c = organizerConditions(kind, filter);
    const rows = await this.db.query(
      `SELECT ${this.reader.select('o')} FROM organizer o WHERE ${c.sql.join(' AND ')}
       ORDER BY o.name_sort, o.id`,
      c.params,
    );
    return rows.map((r) => this.reader.hydrate(r));
  }

  /** A keyset page of organisers of a kind matching a filter, ordered by name: `first + 1` rows after `after`. */
  async pageOfKind(
    kind: OrganizerKind, filter: OrganizerFilter, first: number, after: { value: string; id: number } | null,
  ): Promise<Organizer[]> {
    const c = organizerConditions(kind, filter);
    if (after) {
      c.sql.push('(o.name_sort, o.id) > (?, ?)');
      c.params.push(after.value, after.id);
    }
    const rows = await this.db.query(
      `SELECT ${this.reader.select('o')} FROM organizer o WHERE ${c.sql.join(' AND ')} ORDER BY o.name_sort, o.id LIMIT ?`,
      [...c.params, first + 1],
    );
    return rows.map((r) => this.reader.hydrate(r));
  }

  /** How many organisers of a kind match a filter. */
  async countOfKind(kind: OrganizerKind, filter: OrganizerFilter): Promise<number> {
    const c = organizerConditions(kind, filter);
    const [row] = await this.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM organizer o WHERE ${c.sql.join(' AND ')}`, c.params);
    return Number(row.n);
  }

  /** Rows of a link table joined to organisers: `keyColumn` groups, `valueColumn` points at the organiser. */
  async linked(table: string, keyColumn: string, valueColumn: string, keys: readonly number[]): Promise<{ key: number; value: Organizer }[]> {
    const inKeys = this.db.dialect.keyIn(`l.${keyColumn}`, keys);
    const rows = await this.db.query(
      `SELECT l.${keyColumn} AS "linkKey", ${this.reader.select('o')}
       FROM ${table} l JOIN organizer o ON o.id = l.${valueColumn}
       WHERE ${inKeys.sql} ORDER BY l.${keyColumn}, o.name_sort, o.id`,
      inKeys.params, BY_KEY,
    );
    return rows.map((r) => ({ key: Number(r.linkKey), value: this.reader.hydrate(r) }));
  }

  /** Partners of networks: the pair is stored once, so read both directions in one statement. */
  async partnersOf(networkIds: readonly number[]): Promise<{ key: number; value: Organizer }[]> {
    const byNetwork = this.db.dialect.keyIn('network_id', networkIds);
    const byPartner = this.db.dialect.keyIn('partner_id', networkIds);
    const rows = await this.db.query(
      `SELECT l.k AS "linkKey", ${this.reader.select('o')} FROM (
         SELECT network_id AS k, partner_id AS v FROM network_partner WHERE ${byNetwork.sql}
         UNION SELECT partner_id AS k, network_id AS v FROM network_partner WHERE ${byPartner.sql}
       ) l JOIN organizer o ON o.id = l.v ORDER BY l.k, o.name_sort, o.id`,
      [...byNetwork.params, ...byPartner.params], BY_KEY,
    );
    return rows.map((r) => ({ key: Number(r.linkKey), value: this.reader.hydrate(r) }));
  }
}
