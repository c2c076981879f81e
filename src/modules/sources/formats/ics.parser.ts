import { collectItems, type ImportedEvent, type InputItem, type ParsedInput, type SourceMapping } from '../imported-event';
import { rawValue, splitCalendar } from './ics-blocks';
import { dayKey, occurrenceKey, type IcsMoment, type ZoneContext } from './ics-times';
import { readVevent, type Vevent } from './ics-vevent';
import { ianaForTzid, instantOf, readTimezones } from './ics-zones';
import { zoneOrBerlin } from './local-date';
import { SourceFormatError } from './source-format-error';
import { countryOfZone } from '../normalise/venue';

/** Occurrences one recurring event yields at most within the window. */
export const MAX_OCCURRENCES = 500;
/** Rule steps walked at most per event (a daily rule from 1970 reaches today in ~20 000). */
const MAX_RULE_STEPS = 100_000;
/**
 * Occurrences all recurring events of one input expand to at most. Each is a record to
 * match and write; 770 daily rules would make 385 000 of them from 100 KB. 50 000 is far
 * above any real calendar (a year of 130 weekly series) and imports in about a minute.
 */
export const MAX_IMPORT_OCCURRENCES = 50_000;

/** The message of an input whose recurring events expand past the cap. */
export function occurrenceCapMessage(cap = MAX_IMPORT_OCCURRENCES): string {
  return `import cap of ${cap.toLocaleString('en')} occurrences reached: the recurring events of this calendar expand to more within the import window; nothing was imported`;
}

interface Window { from: Date; to: Date }

function toEvent(v: Vevent, start: IcsMoment, sourceId: string, position: string): ImportedEvent {
  let endsAt: Date | null = null;
  if (v.length && 'days' in v.length) {
    const end = start.time.clone();
    end.adjust(v.length.days, 0, 0, 0);
    endsAt = instantOf(end, start.rule);
  } else if (v.length) {
    endsAt = new Date(start.instant.getTime() + v.length.ms);
  }
  return {
    ...v.fields,
    sourceId,
    position,
    startsAt: start.instant,
    endsAt,
    timeZone: v.timeZone,
    allDay: start.time.isDate || v.allDayHint,
  };
}

function inWindow(v: Vevent, start: IcsMoment, window: Window): boolean {
  const event = toEvent(v, start, '', '');
  return event.startsAt <= window.to && (event.endsAt ?? event.startsAt) >= window.from;
}

/** The occurrences of a recurring master inside the window, keyed, EXDATEs removed. */
function occurrences(v: Vevent, window: Window): Map<string, IcsMoment> {
  const found = new Map<string, IcsMoment>();
  const add = (moment: IcsMoment) => {
    if (found.size < MAX_OCCURRENCES && inWindow(v, moment, window)) found.set(occurrenceKey(moment), moment);
  };
  for (const rule of v.rrules) {
    const iterator = rule.iterator(v.start.time);
    for (let step = 0; step < MAX_RULE_STEPS && found.size < MAX_OCCURRENCES; step++) {
      // The iterator hands out the same Time object each step, changed in place.
      const time = iterator.next()?.clone();
      if (!time) break;
      const moment = { time, rule: v.start.rule, instant: instantOf(time, v.start.rule) };
      if (moment.instant > window.to) break;
      add(moment);
    }
  }
  for (const rdate of v.rdates) add(rdate);
  if (v.rrules.length > 0 || v.rdates.length > 0) add(v.start);
  for (const exdate of v.exdates) {
    if (!exdate.time.isDate) {
      found.delete(exdate.instant.toISOString());
      continue;
    }
    for (const [key, moment] of found) if (dayKey(moment.time) === dayKey(exdate.time)) found.delete(key);
  }
  return new Map([...found].sort(([, a], [, b]) => a.instant.getTime() - b.instant.getTime()));
}

/**
 * The events of an iCalendar (RFC 5545) text, whole: see icsItems.
 */
export function parseIcs(text: string, mapping: SourceMapping, window: Window, cap = MAX_IMPORT_OCCURRENCES): ParsedInput {
  return collectItems(icsItems(text, mapping, window, cap));
}

/**
 * The events of an iCalendar (RFC 5545) text, one by one. Times with a TZID are read in
 * that zone (its IANA or Windows name, else the file's VTIMEZONE), UTC times as UTC,
 * floating times and all-day dates in `mapping.timeZone`, else the calendar's
 * X-WR-TIMEZONE, else Europe/Berlin; venues without a country get mapping.defaultCountry,
 * else that zone's country. Recurring events (RRULE, RDATE, EXDATE, RECURRENCE-ID
 * overrides) are expanded inside `window`, at most MAX_OCCURRENCES each and `cap` for the
 * whole input, every occurrence with sourceId `UID#<start>` (`<start>` is the UTC ISO
 * instant, or the date for all-day events). A VEVENT that cannot be read is rejected by
 * its UID (or `event N`), before any event; throws SourceFormatError when the text is not
 * an iCalendar file, is truncated, or expands past the cap. The components are read
 * whole (they are the input's size), the occurrences only as they are asked for.
 */
export function* icsItems(text: string, mapping: SourceMapping, window: Window, cap = MAX_IMPORT_OCCURRENCES): Generator<InputItem> {
  const file = splitCalendar(text);
  const calendarZone = rawValue(file.properties, 'X-WR-TIMEZONE');
  const floating = zoneOrBerlin(mapping.timeZone ?? (calendarZone ? ianaForTzid(calendarZone) : null));
  const effective: SourceMapping = { ...mapping, defaultCountry: mapping.defaultCountry ?? countryOfZone(floating) ?? 'DE' };
  const ctx: ZoneContext = {
    zones: readTimezones(file.blocks.filter((b) => b.kind === 'VTIMEZONE' && !b.broken).map((b) => b.lines), floating),
    floating,
  };

  const masters = new Map<string, Vevent>();
  const overrides = new Map<string, Map<string, Vevent>>();
  let index = 0;
  for (const block of file.blocks) {
    if (block.kind !== 'VEVENT') continue;
    index++;
    const uid = rawValue(block.lines, 'UID');
    const position = uid ? `UID ${uid}` : `event ${index}`;
    const read = readVevent(block, ctx, effective);
    if (typeof read === 'string') {
      yield { rejected: { position, reason: read } };
    } else if (read.recurrenceId) {
      const byKey = overrides.get(read.uid) ?? new Map<string, Vevent>();
      byKey.set(occurrenceKey(read.recurrenceId), read);
      overrides.set(read.uid, byKey);
    } else if (masters.has(read.uid)) {
      yield { rejected: { position, reason: 'duplicate UID: another VEVENT in this file has the same UID' } };
    } else {
      masters.set(read.uid, read);
    }
  }

  let expanded = 0;
  for (const [uid, master] of masters) {
    const position = `UID ${uid}`;
    const changed = overrides.get(uid) ?? new Map<string, Vevent>();
    overrides.delete(uid);
    if (master.rrules.length === 0 && master.rdates.length === 0) {
      yield { event: toEvent(master, master.start, uid, position) };
    } else {
      const moments = occurrences(master, window);
      expanded += moments.size;
      if (expanded > cap) throw new SourceFormatError('ics', occurrenceCapMessage(cap));
      for (const [key, moment] of moments) {
        const override = changed.get(key);
        changed.delete(key);
        yield {
          event: override
            ? toEvent(override, override.start, `${uid}#${key}`, position)
            : toEvent(master, moment, `${uid}#${key}`, position),
        };
      }
    }
    for (const [key, override] of changed) {
      if (inWindow(override, override.start, window)) yield { event: toEvent(override, override.start, `${uid}#${key}`, position) };
    }
  }
  for (const [uid, byKey] of overrides) {
    for (const [key, override] of byKey) {
      if (inWindow(override, override.start, window)) yield { event: toEvent(override, override.start, `${uid}#${key}`, `UID ${uid}`) };
    }
  }
}
