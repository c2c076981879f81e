import type { Database, SqlExecutor, SqlValue } from '../db/database';
import { indexEvents } from '../modules/events';
import { allocateIds, insertRows, resetSequences, withIndexesBuiltAfter } from '../db/bulk-insert';
import { CONTACT_COLUMNS, EVENT_COLUMNS, ORGANIZER_COLUMNS, contactRow, eventRow, organizerRow } from './demo-loader';
import { isoDate, planEvent, planWorld, type Plan, type RegionRow } from './synthetic-plan';

/** What seedSynthetic is asked to add. */
export interface SyntheticOptions {
  /** How many events; at least 1. */
  events: number;
  /** Same seed, same data (an integer 0 … 2^32−1); also part of every slug. */
  seed: number;
  /**
   * From how many events a SQLite seed is one transaction with its indexes built after the
   * rows (default ONE_TRANSACTION_FROM, 50,000); tests lower it to run that path on a few.
   */
  oneTransactionFrom?: number;
  /** Called after each written chunk with the number of events written so far. */
  onProgress?: (done: number, total: number) => void;
}

/** What seedSynthetic added and how long it took (wall time, ms). */
export interface SyntheticResult {
  events: number;
  organizers: number;
  ms: number;
}

/**
 * Adds a deterministic synthetic dataset to whatever the database holds: initiatives and
 * networks seated in NUTS-3 regions, 3–5 campaigns, and `events` events linked to them (and
 * some to patrons already in the database). The same seed gives the same rows on any
 * database with the same regions and patrons, timestamps included (they count back from
 * 2026-01-01, not from the clock); only ids depend on what was there before. Written in
 * transactions of 5,000 events (organisers and campaigns commit with the first chunk, so
 * event `syn-s<seed>-0` marks a seed as present), or on SQLite from ONE_TRANSACTION_FROM
 * events in one. Throws when that event exists.
 */
export async function seedSynthetic(db: Database, options: SyntheticOptions): Promise<SyntheticResult> {
  const started = performance.now();
  const { events: total, seed } = options;
  if (!Number.isInteger(total) || total < 1) throw new RangeError(`events must be a positive integer, got ${total}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be an integer from 0 to 4294967295, got ${seed}`);
  await assertSeedAbsent(db, seed);

  const regionSql = 'SELECT code, name_de, name_fr, country FROM region WHERE level = ? ORDER BY code';
  const regions = (await db.query<RegionRow>(regionSql, [3])).filter((r) => /^(DE|CH|FRF)/.test(r.code));
  if (regions.length === 0) throw new Error('no NUTS-3 regions in this database: run the migrations first');
  const states = await db.query<RegionRow>(regionSql, [1]);
  const patronIds = (await db.query<{ id: number }>('SELECT id FROM patron ORDER BY id')).map((r) => Number(r.id));
  const plan = planWorld(seed, total, regions, states, patronIds);

  if (db.kind === 'sqlite' && total >= (options.oneTransactionFrom ?? ONE_TRANSACTION_FROM)) {
    // One transaction, the event tables' indexes built after their rows (withIndexesBuiltAfter).
    await db.transaction(async (tx) => {
      await assertSeedAbsent(tx, seed);
      const base = await writeOrganizersAndCampaigns(tx, plan);
      await withIndexesBuiltAfter(tx, EVENT_TABLES, async () => {
        for (let done = 0; done < total; done += CHUNK) {
          const count = Math.min(CHUNK, total - done);
          await writeEvents(tx, plan, base, done, count);
          options.onProgress?.(done + count, total);
        }
      });
    });
  } else {
    let done = 0;
    let base: { organizer: number; campaign: number } | undefined;
    while (done < total) {
      const count = Math.min(CHUNK, total - done);
      await db.transaction(async (tx) => {
        if (base === undefined) {
          await assertSeedAbsent(tx, seed);
          base = await writeOrganizersAndCampaigns(tx, plan);
        }
        await writeEvents(tx, plan, base, done, count);
      });
      done += count;
      options.onProgress?.(done, total);
    }
  }
  // A bulk load leaves the planner without statistics (PostgreSQL's autovacuum catches up a
  // minute later) and PostgreSQL's visibility map empty (no index-only scans): refresh both
  // now, so the first queries on a fresh dataset, the benchmark's included, plan as later ones.
  await db.dialect.analyze(db);
  return { events: total, organizers: plan.organizers.length, ms: Math.round(performance.now() - started) };
}

// ------------------------------------------------------------------------------ writing

const CHUNK = 5_000;

/**
 * From this many events a SQLite seed is one transaction whose event indexes are built
 * after the rows (see withIndexesBuiltAfter): at 1,000,000 events that is the difference
 * between a linear and a quadratic seed (test/bench/RESULTS.md). It holds the write lock
 * throughout; a smaller seed commits every CHUNK events and lets other writers in between.
 */
const ONE_TRANSACTION_FROM = 50_000;
/** The tables a seed fills by the hundred thousand, whose indexes it builds afterwards. */
const EVENT_TABLES = ['event', 'event_organizer', 'event_patron'];

async function assertSeedAbsent(db: SqlExecutor, seed: number): Promise<void> {
  const rows = await db.query('SELECT 1 AS one FROM event WHERE slug = ?', [`syn-s${seed}-0`]);
  if (rows.length > 0) throw new Error(`synthetic data with seed ${seed} is already in this database`);
}

async function writeOrganizersAndCampaigns(tx: SqlExecutor, plan: Plan): Promise<{ organizer: number; campaign: number }> {
  // The order of ID_TABLES in demo-loader, so concurrent loaders take locks alike.
  const organizer = await allocateIds(tx, 'organizer');
  let contactId = await allocateIds(tx, 'contact');
  const campaign = await allocateIds(tx, 'campaign');
  const contacts: SqlValue[][] = [];
  const organizers = plan.organizers.map((o, i) => {
    (o.contacts ?? []).forEach((c, position) => contacts.push(contactRow(contactId++, organizer + i, position, c)));
    return organizerRow(organizer + i, o);
  });
  await insertRows(tx, 'organizer', ORGANIZER_COLUMNS, organizers);
  await insertRows(tx, 'contact', CONTACT_COLUMNS, contacts);
  await insertRows(tx, 'network_member', ['network_id', 'initiative_id'], plan.members.map(([n, m]) => [organizer + n, organizer + m]));
  await insertRows(tx, 'network_partner', ['network_id', 'partner_id'], plan.partners.map(([n, p]) => [organizer + n, organizer + p]));
  await insertRows(tx, 'campaign', ['id', 'slug', 'name_de', 'name_fr', 'name_en', 'starts_on', 'ends_on', 'initiator_id'],
    plan.campaigns.map((c, i) => [
      campaign + i, c.slug, c.name.de, c.name.fr ?? null, c.name.en ?? null, isoDate(c.firstDay), isoDate(c.lastDay),
      c.initiator === null ? null : organizer + c.initiator,
    ]));
  await insertRows(tx, 'campaign_patron', ['campaign_id', 'patron_id', 'position'],
    plan.campaigns.flatMap((c, i) => c.patronIds.map((p, position) => [campaign + i, p, position])));
  await resetSequences(tx, ['organizer', 'contact', 'campaign']);
  return { organizer, campaign };
}

async function writeEvents(
  tx: SqlExecutor, plan: Plan, base: { organizer: number; campaign: number }, from: number, count: number,
): Promise<void> {
  const first = await allocateIds(tx, 'event');
  const events: SqlValue[][] = [];
  const links: SqlValue[][] = [];
  const patrons: SqlValue[][] = [];
  for (let i = 0; i < count; i++) {
    const id = first + i;
    const p = planEvent(plan, from + i);
    events.push(eventRow(id, p.event, p.campaign === null ? null : base.campaign + p.campaign, p.createdAt, p.updatedAt, p.times));
    p.organizers.forEach((o, position) => links.push([id, base.organizer + o, position]));
    if (p.patronId !== null) patrons.push([id, p.patronId, 0]);
  }
  await insertRows(tx, 'event', EVENT_COLUMNS, events);
  await indexEvents(tx, events.map((row) => row[0] as number));
  await insertRows(tx, 'event_organizer', ['event_id', 'organizer_id', 'position'], links);
  await insertRows(tx, 'event_patron', ['event_id', 'patron_id', 'position'], patrons);
  await resetSequences(tx, ['event']);
}
