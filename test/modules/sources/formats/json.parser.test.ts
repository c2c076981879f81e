import { EventCategory } from '../../../../src/modules/events/event.enums';
import { parseJson } from '../../../../src/modules/sources/formats/json.parser';
import { SourceFormatError } from '../../../../src/modules/sources/formats/source-format-error';
import { Language } from '../../../../src/shared/i18n';
import { fixture, local } from './fixture-kit';

const exported = () => parseJson(fixture('clustergraph-export.json').toString('utf8'), {});

function expectFormatError(text: string, message: RegExp) {
  let caught: unknown;
  try {
    parseJson(text, {});
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SourceFormatError);
  expect((caught as Error).message).toMatch(message);
}

describe('reading another clustergraph\'s export', () => {
  it('reads the GraphQL edges shape with the remote id as sourceId', () => {
    const [first] = exported().events;
    expect(first).toEqual({
      sourceId: 'RXZlbnQ6MTI=',
      position: 'item 1',
      title: {
        de: 'Netzwerktreffen Medizintechnik: Digitalisierung in der Chirurgie',
        fr: 'Rencontre réseau technologies médicales : la numérisation en chirurgie',
        en: null,
      },
      description: { de: 'Kurzvorträge und Gespräche mit Herstellern aus Tuttlingen.\n\nAnschließend Empfang.', fr: null, en: null },
      category: EventCategory.NETWORKING,
      startsAt: new Date('2017-04-24T15:00:00.000Z'),
      endsAt: new Date('2017-04-24T18:00:00.000Z'),
      timeZone: 'Europe/Berlin',
      allDay: false,
      venue: {
        name: 'Technologiezentrum Tuttlingen', street: null, postalCode: '78532', city: 'Tuttlingen', country: 'DE',
        latitude: 47.985, longitude: 8.818,
      },
      region: 'DE137',
      organizerNames: ['MedicalMountains – Medizintechnik-Cluster Tuttlingen'],
      contact: null,
      url: 'https://medtech-tuttlingen.example.org/netzwerktreffen',
      registrationUrl: null,
      languages: [Language.DE],
      cancelled: false,
      lastModified: new Date('2017-03-30T08:15:00.000Z'),
    });
  });

  it('reads string titles, region code strings, CANCELLED and a missing end', () => {
    const photonik = exported().events[1];
    expect(photonik).toMatchObject({
      sourceId: 'RXZlbnQ6MTM=', title: { de: 'Fachtagung Photonik im Mittelstand' }, region: 'DE122', cancelled: true,
      endsAt: null, registrationUrl: 'https://photonik-karlsruhe.example.org/anmeldung', languages: [Language.DE, Language.EN],
    });
    expect(local(photonik.startsAt, 'Europe/Berlin')).toBe('2017-04-26T09:00:00+02:00');
  });

  it('rejects the item without a start by its 1-based position', () => {
    expect(exported().rejected).toEqual([{ position: 'item 4', reason: 'no startsAt' }]);
    expect(exported().events).toHaveLength(3);
  });

  it('reads the nodes shape and a plain array the same way', () => {
    const node = {
      id: 'x1', title: 'Atelier', category: 'WORKSHOP', status: 'PUBLISHED', startsAt: '2017-04-26T14:00:00+02:00',
      timeZone: 'Europe/Paris', region: { code: 'FR422' }, organizers: [{ id: 'T3Jn', name: null }], languages: ['FR'],
    };
    const fromNodes = parseJson(JSON.stringify({ data: { events: { nodes: [node] } } }), { language: Language.FR });
    const fromArray = parseJson(JSON.stringify([node]), { language: Language.FR });
    expect(fromNodes).toEqual(fromArray);
    expect(fromArray.events[0]).toMatchObject({
      sourceId: 'x1', title: { de: 'Atelier', fr: 'Atelier', en: null }, timeZone: 'Europe/Paris',
      region: 'FRF12', organizerNames: ['T3Jn'], category: EventCategory.WORKSHOP,
    });
  });

  it('rejects items that are not objects, lack an id or title, or start in year 20170', () => {
    const parsed = parseJson(JSON.stringify([
      42,
      { title: 'Ohne Id', startsAt: '2017-04-25T10:00:00+02:00' },
      { id: 'a', startsAt: '2017-04-25T10:00:00+02:00' },
      { id: 'b', title: 'Tippfehler', startsAt: '20170-04-25T10:00:00+02:00' },
      { id: 'c', title: { de: '', fr: 'Seulement en français' }, startsAt: '2017-04-25T10:00:00+02:00' },
    ]), {});
    expect(parsed.rejected).toEqual([
      { position: 'item 1', reason: 'not an object' },
      { position: 'item 2', reason: 'no id' },
      { position: 'item 3', reason: 'no title' },
      { position: 'item 4', reason: 'startsAt: year 20170 is outside 1900..2200' },
    ]);
    expect(parsed.events.map((e) => e.title)).toEqual([{ de: 'Seulement en français', fr: 'Seulement en français', en: null }]);
  });
});

describe('bad JSON', () => {
  it('refuses text that is not JSON, an unknown shape, and a GraphQL error response', () => {
    expectFormatError('{"data": {"events": ', /^JSON: not JSON: /);
    expectFormatError('\u0000\u0001\u0002garbage', /^JSON: not JSON/);
    expectFormatError('{"items": []}', /^JSON: expected \{data: \{events: \{edges\|nodes\}\}\} or an array of events$/);
    expectFormatError('{"errors":[{"message":"Too many requests"}],"data":null}', /^JSON: the response is a GraphQL error: Too many requests$/);
  });
});
