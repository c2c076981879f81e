import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { findIana } from 'windows-iana';
import { isKnownZone } from './local-date';

// A TZID is only a label. Google and Apple write IANA names, Outlook writes Windows names
// ("W. Europe Standard Time") with a VTIMEZONE that has one STANDARD/DAYLIGHT rule, old
// Thunderbird writes "/mozilla.org/20050126_1/Europe/Berlin". An IANA zone has the full
// history, so a label we can name as an IANA zone is read with it (luxon); only a label we
// cannot name falls back to the file's VTIMEZONE rules (ical.js).

/** How the wall-clock times of one TZID become instants. */
export type ZoneRule =
  | { kind: 'iana'; zone: string }
  | { kind: 'vtimezone'; timezone: ICAL.Timezone; zone: string };

/** An IANA name for a TZID label, or null when it names none we know. */
export function ianaForTzid(tzid: string): string | null {
  const label = tzid.trim().replace(/^"|"$/g, '');
  if (label === '') return null;
  if (isKnownZone(label) && label.includes('/')) return label;
  if (/^(UTC|GMT|Z|Etc\/UTC)$/i.test(label)) return 'UTC';
  const windows = findIana(label);
  if (windows && windows.length > 0) return windows[0];
  const tail = /([A-Za-z]+\/[A-Za-z0-9_+-]+(?:\/[A-Za-z0-9_+-]+)?)$/.exec(label);
  if (tail && isKnownZone(tail[1])) return tail[1];
  // Outlook's display names: "(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien".
  if (/^\(UTC[+-]\d{2}:\d{2}\)/.test(label)) {
    for (const city of label.replace(/^\([^)]*\)/, '').split(/[,\s]+/)) {
      if (city && isKnownZone(`Europe/${city}`)) return `Europe/${city}`;
    }
  }
  return null;
}

/** The rules of every TZID a calendar's VTIMEZONE components define, plus `fallbackZone` for display. */
export function readTimezones(blocks: readonly string[][], fallbackZone: string): Map<string, ZoneRule> {
  const rules = new Map<string, ZoneRule>();
  for (const lines of blocks) {
    try {
      const component = new ICAL.Component(ICAL.parse(['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR'].join('\r\n')));
      const vtimezone = component.getFirstSubcomponent('vtimezone');
      const tzid = vtimezone?.getFirstPropertyValue('tzid');
      if (!vtimezone || typeof tzid !== 'string') continue;
      const iana = ianaForTzid(tzid);
      rules.set(tzid, iana
        ? { kind: 'iana', zone: iana }
        : { kind: 'vtimezone', timezone: new ICAL.Timezone({ component: vtimezone, tzid }), zone: fallbackZone });
    } catch {
      // An unreadable VTIMEZONE is as good as none: its TZID is resolved by name, or its events are rejected.
    }
  }
  return rules;
}

/** The rule for a TZID: the file's VTIMEZONE or a known name; null when neither. */
export function zoneRuleFor(tzid: string, known: ReadonlyMap<string, ZoneRule>): ZoneRule | null {
  const defined = known.get(tzid);
  if (defined) return defined;
  const iana = ianaForTzid(tzid);
  return iana ? { kind: 'iana', zone: iana } : null;
}

/** The instant a wall-clock ICAL.Time stands for under a rule (a date is midnight there). */
export function instantOf(time: ICAL.Time, rule: ZoneRule): Date {
  if (rule.kind === 'vtimezone' && !time.isDate) {
    const zoned = ICAL.Time.fromData({
      year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second,
    }, rule.timezone);
    return new Date(zoned.toUnixTime() * 1000);
  }
  const local = DateTime.fromObject({
    year: time.year, month: time.month, day: time.day,
    hour: time.isDate ? 0 : time.hour, minute: time.isDate ? 0 : time.minute, second: time.isDate ? 0 : time.second,
  }, { zone: rule.zone });
  return local.toJSDate();
}
