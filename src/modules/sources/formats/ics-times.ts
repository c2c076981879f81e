import ICAL from 'ical.js';
import { yearProblem } from './local-date';
import { instantOf, zoneRuleFor, type ZoneRule } from './ics-zones';
import { quote } from '../../../shared/quote';

/** A DATE or DATE-TIME value with the rule that turns it into an instant. */
export interface IcsMoment {
  time: ICAL.Time;
  rule: ZoneRule;
  instant: Date;
}

/** The context every time of one calendar is read in. */
export interface ZoneContext {
  zones: ReadonlyMap<string, ZoneRule>;
  /** Zone of floating times and of all-day dates. */
  floating: string;
}

const RAW_DATE = /^(\d+)(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/i;

/**
 * Why a raw DTSTART/DTEND value (as written in the file) cannot be a date, or null when it
 * looks like one. Runs before ical.js, whose message for `201700425T100000` is unhelpful.
 */
export function rawDateProblem(prop: string, raw: string): string | null {
  const m = RAW_DATE.exec(raw.trim());
  if (!m) return `${prop} ${quote(raw)} is not an iCalendar date`;
  if (m[1].length !== 4) return `${prop} ${raw}: ${yearProblem(m[1]) ?? `year ${m[1]} is not four digits`}`;
  const problem = yearProblem(m[1]);
  if (problem) return `${prop} ${raw}: ${problem}`;
  // ical.js would roll 20170230 over into March: check the calendar before it does.
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
    && (m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) <= 60));
  return valid ? null : `${prop} ${raw}: there is no such date or time`;
}

/** The rule a property's time is read with: UTC, its TZID, or the floating zone. Null for an unknown TZID. */
export function ruleOf(time: ICAL.Time, prop: ICAL.Property, ctx: ZoneContext): ZoneRule | null {
  if (time.isDate) return { kind: 'iana', zone: ctx.floating };
  if (time.zone?.tzid === 'UTC' || time.zone === ICAL.Timezone.utcTimezone) return { kind: 'iana', zone: 'UTC' };
  const tzid = prop.getParameter('tzid');
  if (typeof tzid === 'string' && tzid.trim() !== '') return zoneRuleFor(tzid, ctx.zones);
  return { kind: 'iana', zone: ctx.floating };
}

/** Every time of a (possibly multi-valued) date property, each with its rule; throws on an unknown TZID. */
export function momentsOf(prop: ICAL.Property, ctx: ZoneContext): IcsMoment[] {
  const result: IcsMoment[] = [];
  for (const value of prop.getValues()) {
    const time = value instanceof ICAL.Period ? value.start : value;
    if (!(time instanceof ICAL.Time)) continue;
    const rule = ruleOf(time, prop, ctx);
    if (!rule) throw new Error(`unknown time zone TZID=${String(prop.getParameter('tzid'))}`);
    result.push({ time, rule, instant: instantOf(time, rule) });
  }
  return result;
}

/** The wall-clock day of a time, `2017-04-25`. */
export function dayKey(t: ICAL.Time): string {
  return `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

/** The key an occurrence is known by: its day for all-day events, else its start instant (ISO, UTC). */
export function occurrenceKey(moment: { time: ICAL.Time; instant: Date }): string {
  return moment.time.isDate ? dayKey(moment.time) : moment.instant.toISOString();
}
