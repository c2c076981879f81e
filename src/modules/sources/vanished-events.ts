import type { ImportedEvent } from './imported-event';
import type { ImportTx } from './event-source-links';

// A source's events it no longer announces are cancelled, never deleted: what counts as
// gone, gathered while the input streams past, and the cancelling itself.

/** Which stored events count as gone: those of the source starting within the input's span that it does not name. */
export interface VanishScope { from: number; to: number; named: (sourceId: string) => boolean }

/**
 * What an input says about vanished events, gathered as it streams past: the ids it
 * names (the only thing kept per record), its span of starts, and whether it can be
 * trusted to name everything. It cannot when it is empty (a broken feed must not cancel
 * everything) or when a part was refused whose id is not known (a CSV line or JSON item
 * that failed to parse may be an event we have). A refused ICS event names its UID, so the
 * event stays; one without a UID was never stored.
 */
export class VanishTracker {
  private readonly ids = new Map<string, string>();
  private readonly refusedUids = new Set<string>();
  private unknownRefused = false;
  private from = Infinity;
  private to = -Infinity;

  firstPositionOf(sourceId: string): string | undefined {
    return this.ids.get(sourceId);
  }

  record(e: ImportedEvent): void {
    this.ids.set(e.sourceId, e.position);
    const start = e.startsAt.getTime();
    if (Number.isFinite(start)) {
      // A loop, not Math.min(...starts): a spread of 130 000 arguments overflows the stack.
      if (start < this.from) this.from = start;
      if (start > this.to) this.to = start;
    }
  }

  refused(position: string): void {
    if (/^event \d+$/.test(position)) return;
    const uid = /^UID (.+)$/.exec(position);
    if (uid) this.refusedUids.add(uid[1]);
    else this.unknownRefused = true;
  }

  scope(): VanishScope | null {
    if (this.ids.size === 0 || this.unknownRefused || !Number.isFinite(this.from)) return null;
    return { from: this.from, to: this.to, named: (id) => this.ids.has(id) || this.refusedUids.has(id) };
  }
}

/** Cancels the source's events within the scope that the input no longer names (unless another source still does). */
export async function cancelVanishedEvents(t: ImportTx, scope: VanishScope): Promise<number> {
  const links = await t.tx.query<{ external_id: string; event_id: number }>(
    `SELECT es.external_id, es.event_id FROM event_source es JOIN event e ON e.id = es.event_id
     WHERE es.source_id = ? AND es.vanished_at IS NULL AND e.starts_at >= ? AND e.starts_at <= ? ORDER BY es.event_id`,
    [t.source.pk, scope.from, scope.to],
  );
  let cancelled = 0;
  const touched: number[] = [];
  for (const l of links.filter((x) => !scope.named(x.external_id))) {
    const key = Number(l.event_id);
    await t.tx.query('UPDATE event_source SET vanished_at = ? WHERE source_id = ? AND external_id = ?', [t.now, t.source.pk, l.external_id]);
    const [other] = await t.tx.query('SELECT 1 AS one FROM event_source WHERE event_id = ? AND vanished_at IS NULL', [key]);
    if (other) continue;
    if (await t.events.cancelVanished(t, key)) {
      cancelled += 1;
      touched.push(key);
    }
  }
  await t.events.finishBatch(t, touched);
  return cancelled;
}
