import { checkedEmail, normaliseEmail } from '../../src/shared/email';

describe('normaliseEmail', () => {
  it.each([
    ['bernhard.grieb(at)clusteragentur-bw(dot)de', 'bernhard.grieb@clusteragentur-bw.de'],
    ['andrea.krueger(at)wm.bwl(dot)de', 'andrea.krueger@wm.bwl.de'],
    ['name [at] domain [dot] de', 'name@domain.de'],
    ['name {at} sub [dot] domain (punkt) fr', 'name@sub.domain.fr'],
    ['name (ät) domain.de', 'name@domain.de'],
    ['name at domain dot de', 'name@domain.de'],
    ['Name.Surname@Example.ORG', 'Name.Surname@example.org'],
    ['mailto:info@connect-dreilaendereck.example.org', 'info@connect-dreilaendereck.example.org'],
    ['  Kontakt: info(at)regio(dot)example(dot)org, Tel. 061 123  ', 'info@regio.example.org'],
  ])('reads %j as %j', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });

  it.each([
    ['meet us at the fair dot com booth'],
    ['Anmeldung at Eingang'],
    ['name(at)domain'],
    ['name@@domain.de'],
    ['.name@domain.de'],
    ['name..x@domain.de'],
    ['name@domain.d3'],
    [''],
    ['   '],
  ])('finds no address in %j', (input) => {
    expect(normaliseEmail(input)).toBeNull();
  });

  it('passes null and undefined through as null', () => {
    expect(normaliseEmail(null)).toBeNull();
    expect(normaliseEmail(undefined)).toBeNull();
  });
});

describe('checkedEmail', () => {
  it('takes exactly one address, with the domain in lower case, or null for nothing typed', () => {
    expect(checkedEmail(' Name@Example.ORG ', 'input.contact.email')).toBe('Name@example.org');
    expect(checkedEmail('', 'input.contact.email')).toBeNull();
  });

  it('keeps an internationalised top-level domain whole, in its ASCII form', () => {
    expect(normaliseEmail('kontakt@primer.XN--P1AI')).toBe('kontakt@primer.xn--p1ai');
    expect(checkedEmail('kontakt@primer.xn--p1ai', 'input.contact.email')).toBe('kontakt@primer.xn--p1ai');
  });

  it.each([['name(at)example(dot)org'], ['Mail: info@example.org'], ['jörg@example.de']])(
    'refuses %j with BAD_USER_INPUT on the field', (value) => {
      expect(() => checkedEmail(value, 'input.contacts[1].email')).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.contacts[1].email' }) }));
    });
});
