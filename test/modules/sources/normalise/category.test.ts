import { EventCategory } from '../../../../src/modules/events/event.enums';
import { mapCategory } from '../../../../src/modules/sources/normalise/category';

describe('mapCategory', () => {
  it.each([
    ['Workshop', EventCategory.WORKSHOP],
    ['Messe', EventCategory.TRADE_FAIR],
    ['Konferenz', EventCategory.CONFERENCE],
    ['Tagung', EventCategory.CONFERENCE],
    ['Salon', EventCategory.TRADE_FAIR],
    ['Conférence', EventCategory.CONFERENCE],
    ['CONFERENCE', EventCategory.CONFERENCE],
    ['Atelier', EventCategory.WORKSHOP],
    ['Séminaire', EventCategory.SEMINAR],
    ['Tag der offenen Tür', EventCategory.OPEN_DAY],
    ['tag der offenen tuer'.replace('tuer', 'tür'), EventCategory.OPEN_DAY],
    ['Portes ouvertes', EventCategory.OPEN_DAY],
    ['Journée portes ouvertes', EventCategory.OPEN_DAY],
    ['Jahrestagung', EventCategory.ANNUAL_MEETING],
    ['Unternehmensbesuch', EventCategory.COMPANY_VISIT],
    ['trade_fair', EventCategory.TRADE_FAIR],
    ['Fachtagung Digitalisierung', EventCategory.CONFERENCE],
  ])('maps %j by default to %s', (word, category) => {
    expect(mapCategory([word])).toBe(category);
  });

  it('prefers the source mapping, compared without case and accents', () => {
    const mapping = { 'Café-Gespräch': EventCategory.POLICY_DIALOGUE, Messe: EventCategory.EXHIBITION };
    expect(mapCategory(['CAFE GESPRACH'], mapping)).toBe(EventCategory.POLICY_DIALOGUE);
    expect(mapCategory(['messe'], mapping)).toBe(EventCategory.EXHIBITION);
  });

  it('ignores mapping values that are not categories', () => {
    expect(mapCategory(['Messe'], { Messe: 'FAIR' as EventCategory })).toBe(EventCategory.TRADE_FAIR);
  });

  it('takes the first value that maps, and null when none does', () => {
    expect(mapCategory(['Industrie 4.0', 'Atelier'])).toBe(EventCategory.WORKSHOP);
    expect(mapCategory(['Sonstiges', 'Industrie 4.0'])).toBeNull();
    expect(mapCategory([])).toBeNull();
  });
});
