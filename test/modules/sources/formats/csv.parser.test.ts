import { EventCategory } from '../../../../src/modules/events/event.enums';
import { parseCsv, rowHash } from '../../../../src/modules/sources/formats/csv.parser';
import { SourceFormatError } from '../../../../src/modules/sources/formats/source-format-error';
import type { ImportedEvent, SourceMapping } from '../../../../src/modules/sources/imported-event';
import { Language } from '../../../../src/shared/i18n';
import { fixture, local } from './fixture-kit';

const PARTNER_MAPPING: SourceMapping = {
  columns: {
    sourceId: 'event_ref', title: 'headline', titleFr: 'headline_fr', category: 'kind', startsAt: 'from', endsAt: 'until',
    venueName: 'place', postalCode: 'zip', city: 'town', country: 'country_code', organizer: 'host', email: 'mail',
    phone: 'tel', url: 'web', languages: 'lang', description: 'notes',
  },
};
const berlin = (d: Date | null | undefined) => local(d, 'Europe/Berlin');
const csv = (text: string, mapping: SourceMapping = {}) => parseCsv(Buffer.from(text, 'utf8'), mapping);

function expectFormatError(run: () => unknown, message: RegExp) {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SourceFormatError);
  expect((caught as Error).message).toMatch(message);
}

describe('a Windows-1252 spreadsheet with ";" and German headers', () => {
  const parsed = () => parseCsv(fixture('netzwerk-suedbaden-1252.csv'), {});
  const row = (id: string): ImportedEvent => {
    const found = parsed().events.find((e) => e.sourceId === id);
    if (!found) throw new Error(`no row ${id}`);
    return found;
  };

  it('decodes umlauts, ß and the Windows dash', () => {
    expect(row('SB-2017-014').title.de).toBe('Workshop IT-Sicherheit für KMU (Dreiländereck)');
    expect(row('SB-2017-014').venue?.city).toBe('Lörrach');
    expect(row('SB-2017-014').venue?.street).toBe('Herrenstraße 5');
    expect(row('SB-2017-019').title.de).toBe('Leichtbau-Seminar – Faserverbund in der Praxis');
  });

  it('reads German dates as Berlin local time', () => {
    const workshop = row('SB-2017-014');
    expect([berlin(workshop.startsAt), berlin(workshop.endsAt)]).toEqual(['2017-04-26T14:00:00+02:00', '2017-04-26T17:00:00+02:00']);
    expect(workshop.timeZone).toBe('Europe/Berlin');
    expect(workshop.allDay).toBe(false);
  });

  it('reads a date without time as all-day, and an inclusive end date as the next midnight', () => {
    const open = row('SB-2017-016');
    expect([open.allDay, berlin(open.startsAt), berlin(open.endsAt)]).toEqual([true, '2017-04-28T00:00:00+02:00', '2017-04-29T00:00:00+02:00']);
    const seminar = row('SB-2017-019');
    expect([seminar.allDay, berlin(seminar.startsAt), berlin(seminar.endsAt)])
      .toEqual([true, '2017-04-24T00:00:00+02:00', '2017-04-26T00:00:00+02:00']);
  });

  it('reads an end given as a time alone on the start day', () => {
    expect(berlin(row('SB-2017-017').endsAt)).toBe('2017-04-27T21:00:00+02:00');
  });

  it('undoes obfuscated e-mails and writes phones in E.164 with the row country', () => {
    expect(row('SB-2017-014').contact).toEqual({ name: 'Gudrun Gempp', email: 'gudrun.gempp@connect-dreilaendereck.example.org', phone: '+497621940123' });
    expect(row('SB-2017-015').contact).toEqual({ name: 'Thomas Riedinger', email: 'thomas.riedinger@example.org', phone: '+4976138811200' });
    expect(row('SB-2017-016').contact).toEqual({ name: 'Anna Schäfer', email: 'anna.schaefer@example.org', phone: '+4977518810' });
    expect(row('SB-2017-017').contact?.phone).toBe('+41611234567');
  });

  it('keeps a quoted cell with a line break and a ";" whole, and counts physical lines', () => {
    const tagung = row('SB-2017-015');
    expect(tagung.title.de).toBe('Fachtagung Grüne Technologien am Oberrhein; Energie & Umwelt');
    expect(tagung.venue?.name).toBe('Konzerthaus Freiburg, Runder Saal');
    expect(parsed().events.map((e) => e.position)).toEqual(['line 2', 'line 3', 'line 5', 'line 6', 'line 8']);
  });

  it('derives regions from postal code and country, maps categories, and fixes a bare www. link', () => {
    expect(parsed().events.map((e) => [e.sourceId, e.region, e.category])).toEqual([
      ['SB-2017-014', 'DE1', EventCategory.WORKSHOP],
      ['SB-2017-015', 'DE1', EventCategory.CONFERENCE],
      ['SB-2017-016', 'DE1', EventCategory.OPEN_DAY],
      ['SB-2017-017', 'CH031', EventCategory.NETWORKING],
      ['SB-2017-019', 'DE1', EventCategory.SEMINAR],
    ]);
    expect(row('SB-2017-017').venue?.country).toBe('CH');
    expect(row('SB-2017-015').url).toBe('https://www.umwelttechnik-cluster.example.org/fachtagung');
    expect(row('SB-2017-014').organizerNames).toEqual(['Cluster-Initiativen Südbaden']);
  });

  it('rejects the row with year 20170 by its line and keeps the others', () => {
    expect(parsed().rejected).toEqual([{ position: 'line 7', reason: 'start: year 20170 is outside 1900..2200' }]);
    expect(parsed().events).toHaveLength(5);
  });
});

describe('a UTF-8 export with "," and its own headers', () => {
  const parsed = () => parseCsv(fixture('partner-export-utf8.csv'), PARTNER_MAPPING);

  it('reads through the column mapping, with BOM, offsets and a quoted multi-line cell', () => {
    const [dialogue] = parsed().events;
    expect(dialogue).toMatchObject({
      sourceId: 'PX-101',
      position: 'line 2',
      title: { de: 'Cross-border Cluster Dialogue', fr: 'Dialogue transfrontalier des clusters', en: null },
      description: { de: 'Mit Simultan-\nübersetzung, Kaffee und "Brezeln"' },
      category: EventCategory.POLICY_DIALOGUE,
      venue: { name: 'Regio Basiliensis, Saal 2', postalCode: '4051', city: 'Basel', country: 'CH' },
      region: 'CH031',
      organizerNames: ['Regio Partner Network'],
      contact: { name: null, email: 'info@regio-partner.example.org', phone: '+41619151515' },
      languages: [Language.DE, Language.FR],
      cancelled: false,
    });
    expect(berlin(dialogue.startsAt)).toBe('2017-04-25T10:00:00+02:00');
    expect(berlin(dialogue.endsAt)).toBe('2017-04-25T12:30:00+02:00');
  });

  it('reads French rows: Strasbourg to Bas-Rhin, a French phone, "atelier" to WORKSHOP', () => {
    const atelier = parsed().events.find((e) => e.sourceId === 'PX-102');
    expect(atelier).toMatchObject({
      position: 'line 4', region: 'FRF11', category: EventCategory.WORKSHOP, languages: [Language.FR],
      contact: { email: 'contact@example.fr', phone: '+33388156867' },
    });
  });

  it('rejects the row without a start by its line', () => {
    expect(parsed().rejected).toEqual([{ position: 'line 5', reason: 'no start' }]);
    expect(parsed().events.map((e) => e.sourceId)).toEqual(['PX-101', 'PX-102', 'PX-104']);
  });

  it('names a mapped header the file lacks', () => {
    expectFormatError(() => parseCsv(fixture('partner-export-utf8.csv'), { columns: { ...PARTNER_MAPPING.columns, startsAt: 'Beginn' } }),
      /^CSV: column "Beginn" \(mapped to startsAt\) is not in the header: "event_ref", "headline"/);
  });

  it('without the mapping, names the missing title column', () => {
    expectFormatError(() => parseCsv(fixture('partner-export-utf8.csv'), {}), /^CSV: no title column: the header has "event_ref"/);
  });
});

describe('encodings, delimiters and dates', () => {
  it('takes a file that is valid UTF-8 as UTF-8 and anything else as Windows-1252, unless the mapping says', () => {
    const text = 'Titel;Beginn;Ort\nMesse Straßburg – Tag 1;25.04.2017 10:00;Strasbourg\n';
    expect(parseCsv(Buffer.from(text, 'utf8'), {}).events[0].title.de).toBe('Messe Straßburg – Tag 1');
    expect(parseCsv(Buffer.from(text.replace('–', '-'), 'latin1'), {}).events[0].title.de).toBe('Messe Straßburg - Tag 1');
    expect(parseCsv(Buffer.from(text, 'utf8'), { encoding: 'windows-1252' }).events[0].title.de).toBe('Messe StraÃŸburg â€“ Tag 1');
    expectFormatError(() => parseCsv(Buffer.from(text.replace('–', '-'), 'latin1'), { encoding: 'utf-8' }), /not valid UTF-8/);
    expectFormatError(() => parseCsv(Buffer.from(text, 'utf8'), { encoding: 'klingon' }), /unknown encoding "klingon"/);
  });

  it('detects "," and ";" from the header, and honours a delimiter the mapping sets', () => {
    expect(csv('Title,Start,City\n"Forum, Basel",2017-04-25 10:00,Basel\n').events[0].title.de).toBe('Forum, Basel');
    expect(csv('Title;Start\nA, B;2017-04-25\n').events[0].title.de).toBe('A, B');
    expect(csv('Title|Start\nA|2017-04-25\n', { delimiter: '|' }).events[0].title.de).toBe('A');
  });

  it('reads ISO with offsets, ISO local, German and slashed dates, and rejects impossible ones', () => {
    const parsed = csv([
      'ID,Title,Start,End',
      'a,A,2017-04-25T10:00:00Z,',
      'b,B,2017-04-25 10:00,2017-04-25 12:00',
      'c,C,25.04.2017 10.00 Uhr,',
      'd,D,25/04/2017,',
      'e,E,31.04.2017 10:00,',
      'f,F,2017-04-25 10:00,2017-04-24 10:00',
      'g,G,morgen,',
      'h,H,25.04.17,',
    ].join('\n'));
    expect(parsed.events.map((e) => [e.sourceId, berlin(e.startsAt), e.allDay])).toEqual([
      ['a', '2017-04-25T12:00:00+02:00', false],
      ['b', '2017-04-25T10:00:00+02:00', false],
      ['c', '2017-04-25T10:00:00+02:00', false],
      ['d', '2017-04-25T00:00:00+02:00', true],
    ]);
    expect(parsed.rejected).toEqual([
      { position: 'line 6', reason: 'start: "31.04.2017 10:00" is not a valid date' },
      { position: 'line 7', reason: 'end 2017-04-24 10:00 is before the start 2017-04-25 10:00' },
      { position: 'line 8', reason: 'start: "morgen" is not a date this importer reads (ISO 8601, 25.04.2017 10:00, 2017-04-25 10:00)' },
      { position: 'line 9', reason: 'start: year 17 is outside 1900..2200' },
    ]);
  });

  it('reads local times in the mapping zone', () => {
    const [event] = csv('Title,Start\nA,2017-04-25 10:00\n', { timeZone: 'Europe/London' }).events;
    expect([event.timeZone, local(event.startsAt, 'Europe/London')]).toEqual(['Europe/London', '2017-04-25T10:00:00+01:00']);
  });

  it('gives rows without an id column a stable id from title, start and city', () => {
    const text = 'Titel;Beginn;Ort\nWorkshop A;25.04.2017 10:00;Lörrach\nWorkshop B;25.04.2017 10:00;Lörrach\n';
    const first = csv(text).events.map((e) => e.sourceId);
    expect(csv(text).events.map((e) => e.sourceId)).toEqual(first);
    expect(new Set(first).size).toBe(2);
    expect(first[0]).toBe(rowHash('Workshop A', new Date('2017-04-25T08:00:00Z'), 'Lörrach'));
    expect(first[0]).toMatch(/^csv-[0-9a-f]{24}$/);
    expect(csv(text.replace('Workshop A', '  workshop   a ')).events[0].sourceId).toBe(first[0]);
  });

  it('reads a status column and skips empty lines without losing the line count', () => {
    const parsed = csv('Title,Start,Status\n\nA,2017-04-25,abgesagt\n\nB,2017-04-26,\n');
    expect(parsed.events.map((e) => [e.position, e.cancelled])).toEqual([['line 3', true], ['line 5', false]]);
  });
});

describe('bad files', () => {
  it('refuses an empty file, binary data, and a header without title or start', () => {
    expectFormatError(() => csv(''), /^CSV: the file is empty$/);
    expectFormatError(() => parseCsv(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]), {}), /binary data/);
    expectFormatError(() => csv('Titel;Ort\nA;Lörrach\n'), /^CSV: no startsAt column: the header has "Titel", "Ort"; name one of beginn, start/);
    expectFormatError(() => csv('Foo;Bar\n1;2\n'), /^CSV: no title column/);
  });

  it('refuses a mapping that names a field we do not know', () => {
    expectFormatError(() => csv('Title,Start\nA,2017-04-25\n', { columns: { colour: 'Title' } }), /unknown field "colour"/);
  });

  it('refuses a file with an unclosed quote', () => {
    expectFormatError(() => csv('Title,Start\n"A,2017-04-25\n'), /^CSV: unreadable: /);
  });
});
