import { readNutsRegions } from '../../../../src/demo-data/nuts-regions';
import { POSTAL_REGION_CODES, regionFromPostalCode } from '../../../../src/modules/sources/normalise/postal-region';

describe('regionFromPostalCode', () => {
  it('returns only codes that exist in the region table', () => {
    const known = new Set(readNutsRegions().map((r) => r.code));
    expect(POSTAL_REGION_CODES.filter((code) => !known.has(code))).toEqual([]);
  });

  it.each([
    ['79539', 'DE', 'DE1'], // Lörrach
    ['79761', 'DE', 'DE1'], // Waldshut-Tiengen
    ['70174', 'DE', 'DE1'], // Stuttgart
    ['68159', 'DE', 'DE1'], // Mannheim
    ['89073', 'DE', 'DE1'], // Ulm
    ['30521', 'DE', 'DE9'], // Hannover
    ['10115', 'DE', 'DE3'], // Berlin
    ['14467', 'DE', 'DE4'], // Potsdam
    ['20095', 'DE', 'DE6'], // Hamburg
    ['28195', 'DE', 'DE5'], // Bremen
    ['80331', 'DE', 'DE2'], // München
    ['89231', 'DE', 'DE2'], // Neu-Ulm
    ['66111', 'DE', 'DEC'], // Saarbrücken
    ['76829', 'DE', 'DEB'], // Landau in der Pfalz
    ['01067', 'DE', 'DED'], // Dresden
    ['99084', 'DE', 'DEG'], // Erfurt
    ['24103', 'DE', 'DEF'], // Kiel
    ['D-79098', 'DE', 'DE1'],
  ])('maps %s in %s to %s', (code, country, region) => {
    expect(regionFromPostalCode(code, country)).toBe(region);
  });

  it('stays at country level where a PLZ region straddles a Land border', () => {
    expect(regionFromPostalCode('68519', 'DE')).toBe('DE'); // 685xx: Viernheim (HE) and Ladenburg (BW)
    expect(regionFromPostalCode('97877', 'DE')).toBe('DE'); // 978xx: Wertheim (BW) and Lohr (BY)
  });

  it.each([
    ['68100', 'FRF12'], ['67000', 'FRF11'], ['57000', 'FRF33'], ['08000', 'FRF21'], ['75001', 'FR'],
  ])('maps French %s to its département in Grand Est, else to FR', (code, region) => {
    expect(regionFromPostalCode(code, 'fr')).toBe(region);
  });

  it('maps Swiss 40xx to Basel-Stadt and other PLZ to CH', () => {
    expect(regionFromPostalCode('4058', 'CH')).toBe('CH031');
    expect(regionFromPostalCode('4410', 'CH')).toBe('CH');
    expect(regionFromPostalCode('8001', 'CH')).toBe('CH');
  });

  it('gives null for malformed codes and other countries', () => {
    expect(regionFromPostalCode('7953', 'DE')).toBeNull();
    expect(regionFromPostalCode('79539', 'CH')).toBeNull();
    expect(regionFromPostalCode('1010', 'AT')).toBeNull();
    expect(regionFromPostalCode(null, 'DE')).toBeNull();
    expect(regionFromPostalCode('', 'DE')).toBeNull();
  });
});
