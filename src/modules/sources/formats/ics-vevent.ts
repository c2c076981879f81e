import ICAL from 'ical.js';
import type { SourceMapping } from '../imported-event';
import type { IcsBlock } from './ics-blocks';
import { rawValue } from './ics-blocks';
import { readIcsFields, type IcsFields } from './ics-fields';
import { momentsOf, rawDateProblem, ruleOf, type IcsMoment, type ZoneContext } from './ics-times';
import { instantOf } from './ics-zones';
import { yearProblem } from './local-date';
import { quote } from '../../../shared/quote';

/** One VEVENT read, before recurrence expansion. */
export interface Vevent {
  uid: string;
  fields: IcsFields;
  start: IcsMoment;
  /** Length of the event: milliseconds for timed events, days for all-day ones; null without an end. */
  length: { ms: number } | { days: number } | null;
  /** Zone the event is shown in. */
  timeZone: string;
  recurrenceId: IcsMoment | null;
  /** Outlook's X-MICROSOFT-CDO-ALLDAYEVENT: an all-day event written as midnight to midnight date-times. */
  allDayHint: boolean;
  rrules: ICAL.Recur[];
  rdates: IcsMoment[];
  exdates: IcsMoment[];
}

const DAY_MS = 86_400_000;

function endOf(event: ICAL.Component, start: IcsMoment, ctx: ZoneContext): Vevent['length'] {
  const dtend = event.getFirstProperty('dtend');
  const duration = event.getFirstPropertyValue('duration');
  if (dtend) {
    const [end] = momentsOf(dtend, ctx);
    if (!end || yearProblem(end.time.year)) return null;
    if (start.time.isDate) {
      const days = Math.round((Date.UTC(end.time.year, end.time.month - 1, end.time.day)
        - Date.UTC(start.time.year, start.time.month - 1, start.time.day)) / DAY_MS);
      return days > 0 ? { days } : { days: 1 };
    }
    const ms = end.instant.getTime() - start.instant.getTime();
    return ms >= 0 ? { ms } : null;
  }
  if (duration instanceof ICAL.Duration) {
    const end = start.time.clone();
    end.addDuration(duration);
    if (start.time.isDate) return { days: Math.max(1, Math.round(duration.toSeconds() / 86_400)) };
    return { ms: instantOf(end, start.rule).getTime() - start.instant.getTime() };
  }
  // RFC 5545 3.6.1: a DATE start without an end lasts that one day.
  return start.time.isDate ? { days: 1 } : null;
}

/**
 * A VEVENT block read into a Vevent, or the reason it cannot be imported (no UID, no or
 * an unreadable DTSTART, a start year outside 1900..2200, an unknown TZID, no SUMMARY).
 */
export function readVevent(block: IcsBlock, ctx: ZoneContext, mapping: SourceMapping): Vevent | string {
  if (block.broken) return `broken VEVENT: ${block.broken}`;
  const uid = rawValue(block.lines, 'UID');
  if (!uid) return 'no UID: an event without one cannot be matched on the next import';
  const rawStart = rawValue(block.lines, 'DTSTART');
  if (rawStart == null || rawStart === '') return 'no DTSTART';
  const startProblem = rawDateProblem('DTSTART', rawStart);
  if (startProblem) return startProblem;

  let event: ICAL.Component;
  try {
    const calendar = new ICAL.Component(ICAL.parse(['BEGIN:VCALENDAR', ...block.lines, 'END:VCALENDAR'].join('\r\n')));
    const found = calendar.getFirstSubcomponent('vevent');
    if (!found) return 'unreadable VEVENT';
    event = found;
  } catch (error) {
    return `unreadable VEVENT: ${(error as Error).message}`;
  }

  try {
    const dtstart = event.getFirstProperty('dtstart');
    if (!dtstart) return 'no DTSTART';
    const [start] = momentsOf(dtstart, ctx);
    if (!start) return `DTSTART ${quote(rawStart)} is not a date`;
    const startYear = yearProblem(start.time.year);
    if (startYear) return `DTSTART ${rawStart}: ${startYear}`;
    if (Number.isNaN(start.instant.getTime())) return `DTSTART ${quote(rawStart)} is not a valid date`;

    const fields = readIcsFields(event, mapping);
    if (fields.title.de === '') return 'no SUMMARY: an event needs a title';
    const recurrenceProp = event.getFirstProperty('recurrence-id');
    const recurrenceId = recurrenceProp ? momentsOf(recurrenceProp, ctx)[0] ?? null : null;
    const rule = ruleOf(start.time, dtstart, ctx);
    return {
      uid,
      fields,
      start,
      length: endOf(event, start, ctx),
      timeZone: rule && rule.kind === 'iana' && rule.zone !== 'UTC' ? rule.zone : ctx.floating,
      recurrenceId,
      allDayHint: String(event.getFirstPropertyValue('x-microsoft-cdo-alldayevent') ?? '').toUpperCase() === 'TRUE',
      rrules: event.getAllProperties('rrule').map((p) => p.getFirstValue()).filter((v): v is ICAL.Recur => v instanceof ICAL.Recur),
      rdates: event.getAllProperties('rdate').flatMap((p) => momentsOf(p, ctx)),
      exdates: event.getAllProperties('exdate').flatMap((p) => momentsOf(p, ctx)),
    };
  } catch (error) {
    return (error as Error).message;
  }
}
