import { cleanLine, cleanText } from '../../../../src/modules/sources/normalise/text';

describe('cleanText', () => {
  it('removes control characters, collapses blanks, trims lines and keeps at most one empty line', () => {
    expect(cleanText('  Erste\u0000 Zeile\t\t mit  Tab \r\n\r\n\r\n\u000bZweite\u200b Zeile \u00a0 ')).toBe('Erste Zeile mit Tab\n\nZweite Zeile');
  });

  it('composes decomposed umlauts (NFC)', () => {
    expect(cleanText('Lo\u0308rrach')).toBe('Lörrach');
  });

  it('gives null for nothing', () => {
    expect(cleanText(' \n\t ')).toBeNull();
    expect(cleanText(null)).toBeNull();
  });
});

describe('cleanLine', () => {
  it('joins lines with one blank', () => {
    expect(cleanLine('Konzerthaus Freiburg,\n  Runder Saal')).toBe('Konzerthaus Freiburg, Runder Saal');
  });
});
