import { TITLE_SIMILARITY, samePlace, titleSimilarity } from '../../../src/modules/sources/duplicate-match';

describe('titleSimilarity', () => {
  it.each([
    ['Workshop: IT-Sicherheit für KMU im Dreiländereck', 'Workshop IT-Sicherheit für KMU (Dreiländereck)'],
    ['Netzwerktreffen Wasserstoff 2027', 'Netzwerk-Treffen Wasserstoff'],
    ['Jahrestagung Leichtbau BW', 'Jahrestagung Leichtbau-BW 2027'],
    ['Clusterkonferenz Mikroelektronik', 'Cluster-Konferenz Mikroelektronik'],
  ])('finds "%s" and "%s" similar enough to merge', (a, b) => {
    expect(titleSimilarity(a, b)).toBeGreaterThanOrEqual(TITLE_SIMILARITY);
  });

  it.each([
    ['Workshop Leichtbau', 'Workshop IT-Sicherheit'],
    ['Jahrestagung Photonik', 'Jahrestagung Mikroelektronik'],
    ['Netzwerktreffen Solar', 'Stammtisch Digital'],
  ])('keeps "%s" and "%s" apart', (a, b) => {
    expect(titleSimilarity(a, b)).toBeLessThan(TITLE_SIMILARITY);
  });

  it('is 1 for the same title in other case and accents, 0 for nothing shared', () => {
    expect(titleSimilarity('Tag der offenen Tür', 'TAG DER OFFENEN TUER')).toBe(1);
    expect(titleSimilarity('abc', 'xyz')).toBe(0);
  });
});

describe('samePlace', () => {
  const at = (postalCode: string | null, city: string | null) => ({ postalCode, city, hasVenue: true });
  it('compares postal codes first, then cities, and matches two events without venue', () => {
    expect(samePlace(at('79539', 'Lörrach'), at('79 539', null))).toBe('same postal code 79539');
    expect(samePlace(at('79539', 'Lörrach'), at('79540', 'Lörrach'))).toBeNull();
    expect(samePlace(at(null, 'Lörrach'), at(null, 'LOERRACH'))).toBe('same city Lörrach');
    expect(samePlace({ postalCode: null, city: null, hasVenue: false }, { postalCode: null, city: null, hasVenue: false })).toBe('both without venue');
    expect(samePlace(at('79539', null), { postalCode: null, city: null, hasVenue: false })).toBeNull();
  });
});
