import type { Database } from '../../../src/db/database';
import { AuditService } from '../../../src/modules/audit/audit.service';
import type { ImportedEvent } from '../../../src/modules/sources/imported-event';
import { SourceWriteService } from '../../../src/modules/sources/source-write.service';
import type { SourceFieldsInput } from '../../../src/modules/sources/source.inputs';
import type { Source } from '../../../src/modules/sources/source.types';
import { SourceFormat } from '../../../src/modules/sources/source.types';
import { toGlobalId, type NodeTypeName } from '../../../src/shared/global-id';

// Small builders for the source tests: records as a parser would hand them over, sources
// registered through the service, and counts read straight from the tables.

let made = 0;

/** An imported record with sensible defaults; every call a distinct sourceId unless given. */
export function record(overrides: Partial<ImportedEvent> = {}): ImportedEvent {
  made += 1;
  const sourceId = overrides.sourceId ?? `uid-${made}@example.org`;
  return {
    sourceId,
    position: `UID ${sourceId}`,
    title: { de: `Netzwerktreffen Nummer ${made}` },
    description: { de: 'Ein Treffen.' },
    category: null,
    startsAt: new Date(Date.UTC(2027, 3, 20, 8, 0) + made * 3_600_000),
    endsAt: null,
    timeZone: 'Europe/Berlin',
    allDay: false,
    venue: { name: 'Rathaus', postalCode: '79539', city: 'Lörrach', country: 'DE' },
    region: null,
    organizerNames: [],
    cancelled: false,
    ...overrides,
  };
}

/** Registers a source through the write service (audit actor `test`). */
export function registerSource(db: Database, input: Partial<SourceFieldsInput> & { name: string }): Promise<Source> {
  return new SourceWriteService(db, new AuditService(db)).createAs('test', { format: SourceFormat.ics, ...input });
}

/** Two organisers of the demo data, with global ids. */
export async function twoOrganizers(db: Database): Promise<{ key: number; id: string; name: string }[]> {
  const rows = await db.query<{ id: number; kind: string; name_de: string }>(
    "SELECT id, kind, name_de FROM organizer WHERE kind = 'INITIATIVE' ORDER BY id LIMIT 2");
  const type = (k: string) => ({ MINISTRY: 'Ministry', INITIATIVE: 'Initiative', NETWORK: 'Network' } as Record<string, NodeTypeName>)[k];
  return rows.map((r) => ({ key: Number(r.id), id: toGlobalId(type(r.kind), Number(r.id)), name: r.name_de }));
}

/** COUNT(*) of a table, optionally with a WHERE clause. */
export async function count(db: Database, table: string, where = '', params: (string | number)[] = []): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}${where ? ` WHERE ${where}` : ''}`, params);
  return Number(row.n);
}

/** Everything an import may write, counted: a dry run must leave every number as it was. */
export async function footprint(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['event', 'event_organizer', 'event_source', 'audit_entry', 'event_change', 'source', 'source_run']) out[t] = await count(db, t);
  const [max] = await db.query<{ m: number | null }>('SELECT MAX(updated_at) AS m FROM event');
  out.maxUpdatedAt = Number(max.m ?? 0);
  return out;
}
