import { checkedPhone, normalisePhone } from '../../src/shared/phone';

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

describe('normalisePhone without a default country', () => {
  it('reads only numbers that carry their country code', () => {
    expect(normalisePhone('+49 (0) 711 123-3030', null)).toBe('+497111233030');
    expect(normalisePhone('0711 1233030', null)).toBeNull();
    expect(normalisePhone('0049 711 1233030', null)).toBeNull();
  });
});

describe('checkedPhone', () => {
  it('gives E.164, or null for nothing typed', () => {
    expect(checkedPhone('07621 / 940 12-3', 'input.contact.phone', 'DE')).toBe('+497621940123');
    expect(checkedPhone('  ', 'input.contact.phone', 'DE')).toBeNull();
  });

  it('refuses a value with no valid number with BAD_USER_INPUT on the field, saying how to write one', () => {
    expect(() => checkedPhone('ruf an', 'input.contact.phone', 'CH')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.contact.phone' }) }));
    expect(() => checkedPhone('0711 123456', 'input.contacts[0].phone', null)).toThrow(
      'input.contacts[0].phone must be an international number starting with +, e.g. +49 711 123-3030.');
  });
});
