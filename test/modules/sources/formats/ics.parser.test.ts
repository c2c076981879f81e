import { EventCategory } from '../../../../src/modules/events/event.enums';
import { MAX_OCCURRENCES, parseIcs } from '../../../../src/modules/sources/formats/ics.parser';
import { SourceFormatError } from '../../../../src/modules/sources/formats/source-format-error';
import type { ImportedEvent } from '../../../../src/modules/sources/imported-event';
import { Language } from '../../../../src/shared/i18n';
import { fixture, local, YEAR_2017 } from './fixture-kit';

const outlook = () => parseIcs(fixture('outlook-connect-dreilaendereck.ics').toString('utf8'), {}, YEAR_2017);
const google = () => parseIcs(fixture('google-reseau-alsace.ics').toString('utf8'), {}, YEAR_2017);
const OUTLOOK_UID = '040000008200E00074C5B7101A82E00800000000D0A1C5B5E3A4D201000000000000000010000000A3B1C2D3E4F5061728394A5B6C7D8E9F';
const STAMMTISCH = 'stammtisch-2017@connect-dreilaendereck.example.org';

function byId(events: ImportedEvent[], sourceId: string): ImportedEvent {
  const found = events.find((e) => e.sourceId === sourceId);
  if (!found) throw new Error(`no event ${sourceId} among ${events.map((e) => e.sourceId).join(', ')}`);
  return found;
}

/** A minimal calendar around the given VEVENT lines. */
function calendar(...lines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
}

describe('reading an Outlook export', () => {
  it('reads a Windows TZID ("W. Europe Standard Time") as Europe/Berlin, with summer time', () => {
    const event = byId(outlook().events, OUTLOOK_UID);
    expect(event.timeZone).toBe('Europe/Berlin');
    expect(local(event.startsAt, 'Europe/Berlin')).toBe('2017-04-26T14:00:00+02:00');
    expect(local(event.endsAt, 'Europe/Berlin')).toBe('2017-04-26T17:00:00+02:00');
    expect(event.startsAt.toISOString()).toBe('2017-04-26T12:00:00.000Z');
    expect(event.allDay).toBe(false);
  });

  it('unfolds long lines and unescapes the plain DESCRIPTION, keeping its line breaks', () => {
    const event = byId(outlook().events, OUTLOOK_UID);
    expect(event.title).toEqual({ de: 'Workshop: IT-Sicherheit für KMU im Dreiländereck', fr: null, en: null });
    expect(event.description?.de).toBe(
      'Wie schützen kleine und mittlere Unternehmen ihre Daten, ihre Produktion und ihre Kunden? Im Workshop zeigen '
      + 'Fachleute aus Lörrach, Basel und Mulhouse, welche Angriffe heute typisch sind und was ein Betrieb mit wenig '
      + 'Aufwand dagegen tun kann.\n\nProgramm:\n14:00 Begrüßung\n14:15 Lagebild IT-Sicherheit am Oberrhein\n'
      + '15:30 Praxisbeispiele\n16:30 Austausch\n\nDie Teilnahme ist kostenlos; Anmeldung erbeten.',
    );
  });

  it('takes organiser, venue, category, URL, language and LAST-MODIFIED (not DTSTAMP)', () => {
    const event = byId(outlook().events, OUTLOOK_UID);
    expect(event.organizerNames).toEqual(['connect Dreiländereck']);
    expect(event.contact).toEqual({ name: 'connect Dreiländereck', email: 'info@connect-dreilaendereck.example.org', phone: null });
    expect(event.venue).toEqual({ name: 'Burghof Lörrach', street: 'Herrenstraße 5', postalCode: '79539', city: 'Lörrach', country: 'DE' });
    expect(event.region).toBe('DE1');
    expect(event.category).toBe(EventCategory.WORKSHOP);
    expect(event.url).toBe('https://connect-dreilaendereck.example.org/veranstaltungen/it-sicherheit-kmu');
    expect(event.languages).toEqual([Language.DE]);
    expect(event.lastModified?.toISOString()).toBe('2017-04-05T09:30:12.000Z');
    expect(event.cancelled).toBe(false);
  });

  it('expands the weekly series across the change to summer time, without the EXDATE, with the override in place', () => {
    const series = outlook().events.filter((e) => e.sourceId.startsWith(`${STAMMTISCH}#`));
    expect(series.map((e) => local(e.startsAt, 'Europe/Berlin'))).toEqual([
      '2017-03-16T18:30:00+01:00',
      '2017-03-23T18:30:00+01:00',
      '2017-03-30T18:30:00+02:00',
      '2017-04-06T18:30:00+02:00',
      '2017-04-20T18:30:00+02:00',
      '2017-04-27T17:00:00+02:00',
      '2017-05-04T18:30:00+02:00',
    ]);
    expect(series.map((e) => e.sourceId.slice(STAMMTISCH.length))).toEqual([
      '#2017-03-16T17:30:00.000Z', '#2017-03-23T17:30:00.000Z', '#2017-03-30T16:30:00.000Z', '#2017-04-06T16:30:00.000Z',
      '#2017-04-20T16:30:00.000Z', '#2017-04-27T16:30:00.000Z', '#2017-05-04T16:30:00.000Z',
    ]);
    expect(series.every((e) => e.position === `UID ${STAMMTISCH}`)).toBe(true);
    expect(series.map((e) => local(e.endsAt ?? null, 'Europe/Berlin')?.slice(11, 16)))
      .toEqual(['20:30', '20:30', '20:30', '20:30', '20:30', '19:00', '20:30']);
  });

  it('gives the overridden occurrence its own title, place and times under the original occurrence id', () => {
    const special = byId(outlook().events, `${STAMMTISCH}#2017-04-27T16:30:00.000Z`);
    expect(special.title.de).toBe('Digital-Stammtisch – Spezialausgabe Clusterwoche');
    expect(special.venue?.name).toBe('Innocel Innovationscenter');
    expect(special.venue?.street).toBe('Marie-Curie-Straße 8');
  });

  it('marks STATUS:CANCELLED events cancelled and keeps them', () => {
    const event = byId(outlook().events, 'besuch-druckhaus-2017@connect-dreilaendereck.example.org');
    expect(event.cancelled).toBe(true);
    expect(event.category).toBe(EventCategory.COMPANY_VISIT);
    expect(event.venue?.city).toBe('Rheinfelden (Baden)');
  });

  it('rejects the VEVENT with a start in year 20170 and the one without UID, and reads the rest', () => {
    const parsed = outlook();
    expect(parsed.rejected).toEqual([
      { position: 'UID seminar-cloud-recht@connect-dreilaendereck.example.org',
        reason: 'DTSTART 201700428T090000: year 20170 is outside 1900..2200' },
      { position: 'event 6', reason: 'no UID: an event without one cannot be matched on the next import' },
    ]);
    expect(parsed.events).toHaveLength(1 + 7 + 1);
  });
});

describe('reading a Google Calendar export', () => {
  it('reads an all-day multi-day fair with an exclusive DTEND as midnight to midnight in the calendar zone', () => {
    const fair = byId(google().events, '3k1v9o0t6f8c2q7r5s4p2m1n0b@google.com');
    expect(fair.allDay).toBe(true);
    expect(fair.timeZone).toBe('Europe/Paris');
    expect(local(fair.startsAt, 'Europe/Paris')).toBe('2017-04-25T00:00:00+02:00');
    expect(local(fair.endsAt, 'Europe/Paris')).toBe('2017-04-28T00:00:00+02:00');
    expect(fair.category).toBe(EventCategory.TRADE_FAIR);
    expect(fair.venue).toEqual({
      name: 'Parc Expo Mulhouse', street: '120 Rue Lefebvre', postalCode: '68100', city: 'Mulhouse', country: 'FR',
      latitude: 47.7386, longitude: 7.3196,
    });
    expect(fair.region).toBe('FRF12');
  });

  it('turns an HTML DESCRIPTION into text with line breaks and the link kept', () => {
    const fair = byId(google().events, '3k1v9o0t6f8c2q7r5s4p2m1n0b@google.com');
    expect(fair.description?.de).toBe(
      "Le salon des solutions numériques pour l'industrie du Rhin supérieur.\n\nStand commun du réseau : hall 2, stand 214.\n"
      + 'Entrée gratuite sur inscription [https://salon-industrie-futur.example.org/badge].',
    );
  });

  it('reads floating times in X-WR-TIMEZONE, or in the mapping zone when it names one', () => {
    const id = '7p2d4h6j8l0n1q3s5u7w9y2a4c@google.com';
    const atelier = byId(google().events, id);
    expect(atelier.timeZone).toBe('Europe/Paris');
    expect(local(atelier.startsAt, 'Europe/Paris')).toBe('2017-04-26T09:00:00+02:00');
    expect(atelier.category).toBe(EventCategory.WORKSHOP);
    expect(atelier.description?.de).not.toMatch(/track\(\)|<|&nbsp;/);
    expect(atelier.description?.de).toContain('* pour dirigeants\n* pour responsables informatiques');

    const inLondon = parseIcs(fixture('google-reseau-alsace.ics').toString('utf8'), { timeZone: 'Europe/London' }, YEAR_2017);
    expect(local(byId(inLondon.events, id).startsAt, 'Europe/London')).toBe('2017-04-26T09:00:00+01:00');
  });

  it('reads UTC times as UTC and maps French categories and a Swiss venue', () => {
    const conference = byId(google().events, '0c2e4g6i8k1m3o5q7s9u1w3y5a@google.com');
    expect(conference.startsAt.toISOString()).toBe('2017-04-24T07:00:00.000Z');
    expect(conference.endsAt?.toISOString()).toBe('2017-04-24T15:00:00.000Z');
    expect(conference.category).toBe(EventCategory.CONFERENCE);
    expect(conference.venue?.country).toBe('CH');
    expect(conference.region).toBe('CH031');
    expect(conference.organizerNames).toEqual(['Claire Muller']);
  });

  it('gives a one-day all-day event without DTEND one day, and maps "Portes ouvertes"', () => {
    const open = byId(google().events, '9a8b7c6d5e4f3g2h1i0j9k8l7m@google.com');
    expect(local(open.startsAt, 'Europe/Paris')).toBe('2017-04-28T00:00:00+02:00');
    expect(local(open.endsAt, 'Europe/Paris')).toBe('2017-04-29T00:00:00+02:00');
    expect(open.category).toBe(EventCategory.OPEN_DAY);
    expect(google().rejected).toEqual([]);
  });
});

describe('time zones and recurrences', () => {
  it('uses a VTIMEZONE for a TZID that is neither IANA nor Windows', () => {
    const text = calendar(
      'BEGIN:VTIMEZONE', 'TZID:Custom Zone', 'BEGIN:STANDARD', 'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0300', 'TZOFFSETTO:+0300', 'END:STANDARD', 'END:VTIMEZONE',
      'BEGIN:VEVENT', 'UID:z', 'DTSTART;TZID=Custom Zone:20170425T100000', 'SUMMARY:Zone', 'END:VEVENT',
    );
    expect(parseIcs(text, {}, YEAR_2017).events[0].startsAt.toISOString()).toBe('2017-04-25T07:00:00.000Z');
  });

  it('reads a known IANA TZID without any VTIMEZONE, and rejects an unknown one', () => {
    const text = calendar(
      'BEGIN:VEVENT', 'UID:a', 'DTSTART;TZID=Europe/Zurich:20171030T100000', 'SUMMARY:Zürich', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:b', 'DTSTART;TZID=Mars/Olympus:20170425T100000', 'SUMMARY:Mars', 'END:VEVENT',
    );
    const parsed = parseIcs(text, {}, YEAR_2017);
    expect(parsed.events.map((e) => [e.sourceId, local(e.startsAt, 'Europe/Zurich')])).toEqual([['a', '2017-10-30T10:00:00+01:00']]);
    expect(parsed.rejected).toEqual([{ position: 'UID b', reason: 'unknown time zone TZID=Mars/Olympus' }]);
  });

  it('reads an Outlook display-name TZID with a colon inside the quotes, and its all-day flag', () => {
    const text = calendar(
      'BEGIN:VEVENT', 'UID:o', 'DTSTART;TZID="(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien":20170424T000000',
      'DTEND;TZID="(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien":20170425T000000',
      'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE', 'SUMMARY:Ganztags', 'END:VEVENT',
    );
    const [event] = parseIcs(text, {}, YEAR_2017).events;
    expect([event.timeZone, local(event.startsAt, 'Europe/Berlin'), local(event.endsAt, 'Europe/Berlin'), event.allDay])
      .toEqual(['Europe/Amsterdam', '2017-04-24T00:00:00+02:00', '2017-04-25T00:00:00+02:00', true]);
  });

  it(`caps an endless rule at ${MAX_OCCURRENCES} occurrences and keeps to the window`, () => {
    const text = calendar('BEGIN:VEVENT', 'UID:daily', 'DTSTART:20170101T090000Z', 'RRULE:FREQ=DAILY', 'SUMMARY:Daily', 'END:VEVENT');
    const all = parseIcs(text, {}, { from: new Date('2017-01-01T00:00:00Z'), to: new Date('2020-01-01T00:00:00Z') });
    expect(all.events).toHaveLength(MAX_OCCURRENCES);
    const april = parseIcs(text, {}, { from: new Date('2017-04-20T00:00:00Z'), to: new Date('2017-04-28T23:59:59Z') });
    expect(april.events.map((e) => e.sourceId)).toEqual(
      [20, 21, 22, 23, 24, 25, 26, 27, 28].map((d) => `daily#2017-04-${d}T09:00:00.000Z`),
    );
  });

  it('adds RDATEs, removes EXDATEs given as dates, and names all-day occurrences by their day', () => {
    const text = calendar(
      'BEGIN:VEVENT', 'UID:fair', 'DTSTART;VALUE=DATE:20170424', 'DTEND;VALUE=DATE:20170426',
      'RRULE:FREQ=YEARLY;COUNT=3', 'RDATE;VALUE=DATE:20171002', 'EXDATE;VALUE=DATE:20180424',
      'SUMMARY:Messe', 'END:VEVENT',
    );
    const parsed = parseIcs(text, {}, { from: new Date('2017-01-01T00:00:00Z'), to: new Date('2020-01-01T00:00:00Z') });
    expect(parsed.events.map((e) => e.sourceId).sort()).toEqual(['fair#2017-04-24', 'fair#2017-10-02', 'fair#2019-04-24']);
    const october = byId(parsed.events, 'fair#2017-10-02');
    expect([local(october.startsAt, 'Europe/Berlin'), local(october.endsAt, 'Europe/Berlin')])
      .toEqual(['2017-10-02T00:00:00+02:00', '2017-10-04T00:00:00+02:00']);
  });
});

describe('texts, languages and categories', () => {
  it('keeps one title per LANGUAGE parameter and maps categories through the source mapping first', () => {
    const text = calendar(
      'BEGIN:VEVENT', 'UID:bi', 'DTSTART:20170425T080000Z',
      'SUMMARY;LANGUAGE=fr:Rencontre des réseaux', 'SUMMARY;LANGUAGE=de:Netzwerktreffen der Netzwerke',
      'CATEGORIES:Kaffeeklatsch,Messe', 'X-LANGUAGES:DE,FR', 'END:VEVENT',
    );
    const [plain] = parseIcs(text, {}, YEAR_2017).events;
    expect(plain.title).toEqual({ de: 'Netzwerktreffen der Netzwerke', fr: 'Rencontre des réseaux', en: null });
    expect(plain.languages).toEqual([Language.DE, Language.FR]);
    expect(plain.category).toBe(EventCategory.TRADE_FAIR);
    const [mapped] = parseIcs(text, { categories: { KAFFEEKLATSCH: EventCategory.NETWORKING } }, YEAR_2017).events;
    expect(mapped.category).toBe(EventCategory.NETWORKING);
  });

  it('leaves the category null when no word maps', () => {
    const text = calendar('BEGIN:VEVENT', 'UID:x', 'DTSTART:20170425T080000Z', 'SUMMARY:X', 'CATEGORIES:Sonstiges', 'END:VEVENT');
    expect(parseIcs(text, {}, YEAR_2017).events[0].category).toBeNull();
  });
});

describe('bad input', () => {
  const expectFormatError = (text: string, message: RegExp) => {
    let caught: unknown;
    try {
      parseIcs(text, {}, YEAR_2017);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SourceFormatError);
    expect((caught as Error).message).toMatch(message);
  };

  it('refuses a file that is not iCalendar at all', () => {
    expectFormatError('<html><body>Not found</body></html>', /^ICS: not an iCalendar file: it must start with BEGIN:VCALENDAR/);
    expectFormatError('', /not an iCalendar file/);
  });

  it('refuses binary garbage', () => {
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 73 + 11) % 256));
    expectFormatError(bytes.toString('latin1'), /binary data|not an iCalendar file/);
  });

  it('refuses a calendar saved as UTF-16 and read as UTF-8 (a wrong encoding)', () => {
    const utf16 = Buffer.from(`\uFEFF${fixture('google-reseau-alsace.ics').toString('utf8')}`, 'utf16le');
    expectFormatError(utf16.toString('utf8'), /^ICS: not an iCalendar file: it holds binary data$/);
  });

  it('refuses a truncated file instead of reading it as a calendar whose later events vanished', () => {
    const full = fixture('outlook-connect-dreilaendereck.ics').toString('utf8');
    expectFormatError(full.slice(0, Math.floor(full.length / 2)), /^ICS: the file is truncated: END:VCALENDAR is missing$/);
  });

  it('rejects a malformed VEVENT and reads its neighbours', () => {
    const text = calendar(
      'BEGIN:VEVENT', 'UID:good', 'DTSTART:20170425T080000Z', 'SUMMARY:Gut', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:no-date', 'DTSTART:2017-04-25', 'SUMMARY:Datum', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:no-start', 'SUMMARY:Ohne Beginn', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:no-title', 'DTSTART:20170425T080000Z', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:feb30', 'DTSTART:20170230T080000Z', 'SUMMARY:Februar', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:unclosed', 'DTSTART:20170425T080000Z', 'SUMMARY:Offen', 'END:VTODO',
      'BEGIN:VEVENT', 'UID:good2', 'DTSTART;VALUE=DATE:20170426', 'SUMMARY:Auch gut', 'END:VEVENT',
    );
    const parsed = parseIcs(text, {}, YEAR_2017);
    expect(parsed.events.map((e) => e.sourceId)).toEqual(['good', 'good2']);
    expect(parsed.rejected).toEqual([
      { position: 'UID no-date', reason: 'DTSTART "2017-04-25" is not an iCalendar date' },
      { position: 'UID no-start', reason: 'no DTSTART' },
      { position: 'UID no-title', reason: 'no SUMMARY: an event needs a title' },
      { position: 'UID feb30', reason: 'DTSTART 20170230T080000Z: there is no such date or time' },
      { position: 'UID unclosed', reason: 'broken VEVENT: ends with END:VTODO instead of END:VEVENT' },
    ]);
  });

  it('rejects a second VEVENT with the same UID', () => {
    const text = calendar(
      'BEGIN:VEVENT', 'UID:twice', 'DTSTART:20170425T080000Z', 'SUMMARY:Eins', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:twice', 'DTSTART:20170426T080000Z', 'SUMMARY:Zwei', 'END:VEVENT',
    );
    const parsed = parseIcs(text, {}, YEAR_2017);
    expect(parsed.events.map((e) => e.title.de)).toEqual(['Eins']);
    expect(parsed.rejected).toEqual([{ position: 'UID twice', reason: 'duplicate UID: another VEVENT in this file has the same UID' }]);
  });
});
