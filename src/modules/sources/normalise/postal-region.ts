// Postal code → NUTS 2021 region (the edition reference/nuts-2021.csv loads), at the most
// specific level that the code alone gives reliably:
//
// - FR: the first two digits are the département; Grand Est's ten départements map to their
//   NUTS-3 (68 → FRF12 Haut-Rhin, 67 → FRF11 Bas-Rhin, …). Elsewhere in France: FR.
//   (Corsica's 20, overseas 97x and CEDEX codes never reach a Grand Est département.)
// - CH: a PLZ does not determine the canton (the 4xxx block alone spans BS, BL, SO, AG and
//   BE), so only 40xx, which is wholly Basel-Stadt, gets CH031; all else is CH.
// - DE: no maintained npm package maps PLZ to Kreis (AGS): german-postal-codes lists codes
//   only. German PLZ regions do not follow Land borders, so the table below maps the
//   two-digit Leitregion to its Land (NUTS-1) where the whole region lies in one Land, splits
//   border regions at three digits where that split is clean, and leaves the rest at DE.
//   Written from Deutsche Post's Leitregion map; every code is checked against the region
//   table by test/modules/sources/normalise/postal-region.test.ts.

const BW = 'DE1', BY = 'DE2', BE = 'DE3', BB = 'DE4', HB = 'DE5', HH = 'DE6', HE = 'DE7', MV = 'DE8';
const NI = 'DE9', NW = 'DEA', RP = 'DEB', SL = 'DEC', SN = 'DED', ST = 'DEE', SH = 'DEF', TH = 'DEG';
const MIXED = 'DE';

/** PLZ prefix (2 or 3 digits) → NUTS-1 code; the longest matching prefix wins. */
const DE_PREFIXES: Record<string, string> = {
  '01': SN, '019': MIXED, '02': SN, '03': BB,
  '04': SN, '046': MIXED, '048': MIXED, '049': BB,
  '06': ST, '065': MIXED, '07': TH, '079': MIXED, '08': SN, '09': SN,
  '10': BE, '12': BE, '125': MIXED, '13': BE, '14': BB, '140': BE, '141': BE, '15': BB, '16': BB,
  '17': MIXED, '170': MV, '171': MV, '174': MV, '175': MV, '18': MV,
  '19': MV, '192': MIXED, '193': MIXED,
  '20': HH, '21': NI, '210': HH, '211': HH, '214': MIXED, '215': MIXED,
  '22': HH, '221': MIXED, '228': SH, '229': SH,
  '23': SH, '239': MIXED, '24': SH, '25': SH, '26': NI,
  '27': NI, '274': MIXED, '275': MIXED, '28': HB, '287': MIXED, '288': NI,
  '29': NI, '294': MIXED, '30': NI, '31': NI, '32': NW, '33': NW,
  '34': HE, '343': MIXED, '344': MIXED, '35': HE, '36': HE, '364': TH,
  '37': NI, '372': HE, '373': TH, '376': MIXED,
  '38': NI, '384': MIXED, '388': ST, '389': ST, '39': ST,
  '40': NW, '41': NW, '42': NW, '44': NW, '45': NW, '46': NW, '47': NW,
  '48': NW, '484': MIXED, '485': MIXED, '49': NI, '494': MIXED, '495': MIXED,
  '50': NW, '51': NW, '52': NW, '53': NW, '534': RP, '535': RP,
  '54': RP, '55': RP, '56': RP, '57': NW, '575': RP, '576': RP, '58': NW, '59': NW,
  '60': HE, '61': HE, '63': HE, '637': BY, '638': BY, '639': BY, '64': HE,
  '65': HE, '655': MIXED, '656': MIXED,
  '66': SL, '664': MIXED, '668': RP, '669': RP, '67': RP,
  '68': BW, '685': MIXED, '686': HE, '69': BW, '694': MIXED, '695': MIXED,
  '70': BW, '71': BW, '72': BW, '73': BW, '74': BW, '75': BW,
  '76': BW, '767': RP, '768': RP, '769': RP, '77': BW, '78': BW, '79': BW,
  '80': BY, '81': BY, '82': BY, '83': BY, '84': BY, '85': BY, '86': BY, '87': BY,
  '88': BW, '881': BY, '89': BW, '892': BY, '893': BY, '894': BY,
  '90': BY, '91': BY, '92': BY, '93': BY, '94': BY, '95': BY, '96': BY, '965': TH,
  '97': BY, '978': MIXED, '979': MIXED, '98': TH, '99': TH,
};

/** French département (first two digits of the code postal) in Grand Est → NUTS-3. */
const FR_DEPARTEMENTS: Record<string, string> = {
  '67': 'FRF11', '68': 'FRF12', '08': 'FRF21', '10': 'FRF22', '51': 'FRF23',
  '52': 'FRF24', '54': 'FRF31', '55': 'FRF32', '57': 'FRF33', '88': 'FRF34',
};

/** Every NUTS code this module can return, for the test that checks them against the region table. */
export const POSTAL_REGION_CODES: readonly string[] = [
  ...new Set(['DE', 'CH', 'CH031', 'FR', ...Object.values(DE_PREFIXES), ...Object.values(FR_DEPARTEMENTS)]),
];

/**
 * The NUTS code a postal code lies in, for DE, CH and FR (ISO alpha-2 `country`); null when
 * the country is another or the code is not a well-formed postal code of that country.
 */
export function regionFromPostalCode(postalCode: string | null | undefined, country: string): string | null {
  if (!postalCode) return null;
  const code = postalCode.replace(/^(?:D|DE|F|FR|CH)\s*-\s*/i, '').replace(/\s+/g, '');
  switch (country.toUpperCase()) {
    case 'DE':
      if (!/^\d{5}$/.test(code)) return null;
      return DE_PREFIXES[code.slice(0, 3)] ?? DE_PREFIXES[code.slice(0, 2)] ?? MIXED;
    case 'FR':
      if (!/^\d{5}$/.test(code)) return null;
      return FR_DEPARTEMENTS[code.slice(0, 2)] ?? 'FR';
    case 'CH':
      if (!/^[1-9]\d{3}$/.test(code)) return null;
      return code.startsWith('40') ? 'CH031' : 'CH';
    default:
      return null;
  }
}
