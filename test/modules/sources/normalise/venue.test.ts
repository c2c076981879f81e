import { countryCode, venueFromLocation } from '../../../../src/modules/sources/normalise/venue';

describe('venueFromLocation', () => {
  it.each([
    ['Innocel Innovationscenter, Marie-Curie-Straße 8, 79539 Lörrach',
      { name: 'Innocel Innovationscenter', street: 'Marie-Curie-Straße 8', postalCode: '79539', city: 'Lörrach', country: 'DE' }],
    ['Parc Expo, 120 Rue Lefebvre, 68100 Mulhouse, France',
      { name: 'Parc Expo', street: '120 Rue Lefebvre', postalCode: '68100', city: 'Mulhouse', country: 'FR' }],
    ['Messe Basel, Messeplatz 10, CH-4058 Basel',
      { name: 'Messe Basel', street: 'Messeplatz 10', postalCode: '4058', city: 'Basel', country: 'CH' }],
    ['Haus der Wirtschaft, Stuttgart',
      { name: 'Haus der Wirtschaft', street: null, postalCode: null, city: 'Stuttgart', country: 'DE' }],
    ['Willi-Bleicher-Straße 19, 70174 Stuttgart',
      { name: null, street: 'Willi-Bleicher-Straße 19', postalCode: '70174', city: 'Stuttgart', country: 'DE' }],
    ['Online', { name: 'Online', street: null, postalCode: null, city: null, country: 'DE' }],
  ])('splits %j', (location, venue) => {
    expect(venueFromLocation(location)).toEqual(venue);
  });

  it('uses the default country for a 5-digit code without one', () => {
    expect(venueFromLocation('KMØ, 30 Rue François Spoerry, 68100 Mulhouse', 'FR')?.country).toBe('FR');
  });

  it('gives null for an empty location', () => {
    expect(venueFromLocation('  ')).toBeNull();
    expect(venueFromLocation(null)).toBeNull();
  });
});

describe('countryCode', () => {
  it('reads names and codes', () => {
    expect(['Deutschland', 'Suisse', 'France', 'ch', 'AT', 'Mars'].map(countryCode)).toEqual(['DE', 'CH', 'FR', 'CH', 'AT', null]);
  });
});
