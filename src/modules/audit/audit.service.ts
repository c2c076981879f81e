import type { Database, SqlExecutor, SqlValue } from '../../db/database';
import { entityReader, type EntityReader } from '../../db/entity-reader';
import { once } from '../../shared/connection';
import { checkPageSize, decodeCursor, encodeCursor, pageInfoOf } from '../../shared/pagination';
import { canonicalGlobalId } from '../../shared/global-id';
import { AuditEntry, type AuditChanges } from './audit-entry.entity';
import { AuditEntryConnection } from './audit.types';

/** One change to record. */
export interface AuditRecord {
  /** When, epoch ms: the time the change itself was stamped with. */
  at: number;
  /** The API key's name. */
  actor: string;
  /** The mutation, e.g. "updateEvent". */
  action: string;
  /** GraphQL type of the object, e.g. "Event". */
  entityType: string;
  /** Its global id. */
  entityId: string;
  changes: AuditChanges | null;
}

/** Which entries a page of the log holds. */
export interface AuditLogArgs {
  entityId: string | null;
  first: number;
  after: string | null;
}

// The cursor names its list, so a cursor of an event list is refused here and vice versa.
const CURSOR_ORDER = 'AUDIT_NEWEST';

/**
 * The audit trail: writes one entry per accepted change, inside the caller's transaction,
 * and reads the log newest first. Any module's mutation records through `record`.
 */
export class AuditService {
  private readonly reader: EntityReader<AuditEntry>;

  constructor(private readonly db: Database) {
    this.reader = entityReader(db.dataSource, AuditEntry);
  }

  /**
   * Records one entry through `tx`: pass the mutation's transaction, so the entry is kept
   * exactly when the change is.
   */
  async record(tx: SqlExecutor, entry: AuditRecord): Promise<void> {
    await tx.query(
      'INSERT INTO audit_entry (at, actor, action, entity_type, entity_id, changes) VALUES (?, ?, ?, ?, ?, ?)',
      [entry.at, entry.actor, entry.action, entry.entityType, entry.entityId,
        entry.changes === null ? null : JSON.stringify(entry.changes)],
    );
  }

  /** A page of the log, newest first, optionally of one object only. */
  async page(args: AuditLogArgs): Promise<AuditEntryConnection> {
    const first = checkPageSize(args.first);
    const filter: { sql: string[]; params: SqlValue[] } = { sql: [], params: [] };
    if (args.entityId !== null) {
      // An id that is none of ours names no entry: an empty log, as for an unknown id.
      const entityId = canonicalGlobalId(args.entityId);
      if (entityId === null) {
        filter.sql.push('1 = 0');
      } else {
        filter.sql.push('a.entity_id = ?');
        filter.params.push(entityId);
      }
    }
    const paged = { sql: [...filter.sql], params: [...filter.params] };
    if (args.after !== null) {
      const pos = decodeCursor(args.after, CURSOR_ORDER, { kind: 'bigint' });
      paged.sql.push('(a.at, a.id) < (?, ?)');
      paged.params.push(pos.value, pos.id);
    }
    const rows = await this.db.query(
      `SELECT ${this.reader.select('a')} FROM audit_entry a ${whereOf(paged.sql)} ORDER BY a.at DESC, a.id DESC LIMIT ?`,
      [...paged.params, first + 1],
    );
    const { items, pageInfo } = pageInfoOf(rows.map((r) => this.reader.hydrate(r)), first, args.after !== null, cursorOf);
    const count = once(async () => {
      const [row] = await this.db.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM audit_entry a ${whereOf(filter.sql)}`, filter.params);
      return Number(row.n);
    });
    return new AuditEntryConnection(items, cursorOf, pageInfo, count);
  }
}

function cursorOf(e: AuditEntry): string {
  return encodeCursor(CURSOR_ORDER, { value: e.at, id: e.pk });
}

function whereOf(sql: string[]): string {
  return sql.length ? `WHERE ${sql.join(' AND ')}` : '';
}
