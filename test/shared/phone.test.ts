import { normalisePhone } from '../../src/shared/phone';

describe('normalisePhone', () => {
  it.each([
    ['0761 / 123 45-6', 'DE', '+49761123456'],
    ['+49 (0) 7621 1234', 'DE', '+4976211234'],
    ['0711 123-3030', 'DE', '+497111233030'],
    ['0049 7621 940 123', 'DE', '+497621940123'],
    ['Tel.: 07621/4080', 'DE', '+4976214080'],
    ['061 123 45 67', 'CH', '+41611234567'],
    ['+41 (0)61 123 45 67', 'DE', '+41611234567'],
    ['03 89 12 34 56', 'FR', '+33389123456'],
    ['+33 (0)3 89 12 34 56', 'DE', '+33389123456'],
    ['07621 940123', 'de', '+497621940123'],
  ])('reads %j (default country %s) as %s', (input, country, expected) => {
    expect(normalisePhone(input, country)).toBe(expected);
  });

  it('reads the same digits differently by default country', () => {
    expect(normalisePhone('061 123 45 67', 'CH')).toBe('+41611234567');
    expect(normalisePhone('061 123 45 67', 'DE')).not.toBe('+41611234567');
  });

  it.each([['12'], ['keine Angabe'], [''], ['0000']])('finds no number in %j', (input) => {
    expect(normalisePhone(input, 'DE')).toBeNull();
  });

  it('falls back to DE for a default country that is not a code', () => {
    expect(normalisePhone('0761 1234567', 'Deutschland')).toBe('+497611234567');
  });
});
