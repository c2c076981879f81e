import { foldContentLines } from '../../src/feeds/ics-fold';
import { parseFeedQuery, parseInstant } from '../../src/feeds/feed-query';
import { frenchTypography, labelled } from '../../src/shared/french-typography';
import { Language } from '../../src/shared/i18n';

/** Undoes RFC 5545 folding: a CRLF followed by one space or tab is removed. */
function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

describe('foldContentLines', () => {
  it.each([
    ['ASCII', `DESCRIPTION:${'Cluster '.repeat(40)}`],
    ['umlauts (2 octets)', `SUMMARY:${'Baden-Württemberg äöü ß '.repeat(12)}`],
    ['three-octet dashes', `SUMMARY:${'–—€'.repeat(60)}`],
    ['four-octet emoji', `SUMMARY:${'🙂'.repeat(50)}x`],
    ['a line of exactly 75 octets', `X:${'a'.repeat(73)}`],
  ])('folds %s into lines of at most 75 octets that unfold to the original', (_name, line) => {
    const folded = foldContentLines(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT\r\n`);
    const lines = folded.split('\r\n');
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l, 'utf8')))).toBeLessThanOrEqual(75);
    expect(lines.every((l) => !l.includes('\uFFFD'))).toBe(true);
    expect(unfold(folded)).toBe(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT\r\n`);
    for (const l of lines) expect(Buffer.from(l, 'utf8').toString('utf8')).toBe(l);
  });

  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldContentLines(`X:${'a'.repeat(73)}`)).toBe(`X:${'a'.repeat(73)}`);
    expect(foldContentLines(`X:${'a'.repeat(74)}`)).toBe(`X:${'a'.repeat(73)}\r\n a`);
  });
});

describe('parseFeedQuery', () => {
  it('turns the parameters into an EventFilter and a language', () => {
    const q = parseFeedQuery(new URLSearchParams(
      'region=DE1&country=DE&category=seminar&category=Trade-Fair,WORKSHOP&campaign=clusterwoche-2017&organizer=abc&lang=Fr'));
    expect(q).toEqual({
      filter: {
        region: 'DE1', country: 'DE', categories: ['SEMINAR', 'TRADE_FAIR', 'WORKSHOP'], campaign: 'clusterwoche-2017', organizer: 'abc',
      },
      lang: 'FR',
    });
  });

  it('reads nothing into empty parameters', () => {
    expect(parseFeedQuery(new URLSearchParams('region=&category=&from=&lang='))).toEqual({ filter: {}, lang: null });
  });

  it('refuses unknown parameters and repeated single ones, naming them', () => {
    expect(() => parseFeedQuery(new URLSearchParams('regoin=DE1'))).toThrow(/Unknown parameter "regoin"/);
    expect(() => parseFeedQuery(new URLSearchParams('from=2017-01-01&from=2018-01-01'))).toThrow(/from may be given once/);
  });
});

describe('parseInstant', () => {
  it.each([
    ['2017-04-20', '2017-04-19T22:00:00.000Z'],
    ['2017-01-20', '2017-01-19T23:00:00.000Z'],
    ['2017-04-20T10:00', '2017-04-20T08:00:00.000Z'],
    ['2017-04-20T10:00:30', '2017-04-20T08:00:30.000Z'],
    ['2017-04-20T10:00:00Z', '2017-04-20T10:00:00.000Z'],
    ['2017-04-20T10:00:00+01:00', '2017-04-20T09:00:00.000Z'],
    ['2017-04-20T10:00:00 01:00', '2017-04-20T09:00:00.000Z'],
    ['2017-04-20T10:00:00-0500', '2017-04-20T15:00:00.000Z'],
    ['2017-04-20T10:00:00.250Z', '2017-04-20T10:00:00.250Z'],
  ])('reads %s as %s', (raw, iso) => {
    expect(parseInstant(raw, 'from').toISOString()).toBe(iso);
  });

  it.each(['', 'today', '2017-04', '2017-W16', '2017-02-30', '2017-04-20T24:30', '20.04.2017', '2017-04-20T10:00:00+25:00'])(
    'refuses "%s"', (raw) => {
      expect(() => parseInstant(raw, 'to')).toThrow(/^to must be a date/);
    });
});

describe('French typography and labelled', () => {
  it('space French punctuation: no-break before a colon and inside « », narrow no-break before ; ! and ?', () => {
    expect(frenchTypography('Annulé : vraiment ; pourquoi ? « Hélas » !'))
      .toBe('Annulé\u00A0: vraiment\u202F; pourquoi\u202F? «\u00A0Hélas\u00A0»\u202F!');
    expect(frenchTypography('https://exemple.fr à 10:00')).toBe('https://exemple.fr à 10:00');
    expect(labelled('Inscription', 'https://exemple.fr/a?b=1;c', Language.FR)).toBe('Inscription\u00A0: https://exemple.fr/a?b=1;c');
  });

  it('leave German and English labels as they are', () => {
    expect(labelled('Abgesagt', 'wirklich; warum?', Language.DE)).toBe('Abgesagt: wirklich; warum?');
    expect(labelled('Registration', 'https://example.org', Language.EN)).toBe('Registration: https://example.org');
  });
});
