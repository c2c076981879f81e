import { call, dataOf, expectRefused, startAdminServer, storedState, type AdminServer } from './admin-kit';

// An organiser's contacts are checked by the same e-mail rule (src/shared/email.ts, the
// WHATWG one an event's contact and the imports use) and the same phone rule (libphonenumber,
// src/shared/phone.ts) as an event's contact; the organiser's phone must carry its country
// code. These are the values on which the rules the organisers used before (class-validator's
// isEmail, an E.164-shaped regex) gave another verdict or stored another value.

let s: AdminServer;

beforeAll(async () => {
  s = await startAdminServer();
});

afterAll(async () => {
  await s?.close();
});

const CREATE = 'mutation ($v: InitiativeInput!) { createInitiative(input: $v) { contacts { email phone } } }';
const withContact = (contact: Record<string, string>) => ({ name: { de: 'Kontaktprüfung' }, contacts: [{ name: 'Eine Person', ...contact }] });

describe('an organiser contact\'s e-mail address', () => {
  it.each([
    ['a local part with an umlaut', 'jörg@example.de'],
    ['a domain with an umlaut, not in its xn-- form', 'info@münchen.de'],
    ['a quoted local part', '"a b"@example.org'],
  ])('is refused with %s, as for an event\'s contact', async (_what, email) => {
    const before = await storedState(s.db);
    expectRefused(await call(s, 'admin', CREATE, { v: withContact({ email }) }), 'BAD_USER_INPUT', 'input.contacts[0].email');
    expect(await storedState(s.db)).toEqual(before);
  });

  it.each([
    ['an international domain in its xn-- form', 'info@xn--mnchen-3ya.de', 'info@xn--mnchen-3ya.de'],
    ['a local part over 64 characters', `${'a'.repeat(65)}@example.org`, `${'a'.repeat(65)}@example.org`],
    ['a domain in capitals, stored in lower case', 'Info@Example.ORG', 'Info@example.org'],
  ])('is accepted with %s', async (_what, email, stored) => {
    const created = dataOf(await call(s, 'admin', CREATE, { v: withContact({ email }) })).createInitiative;
    expect(created.contacts).toEqual([{ email: stored, phone: null }]);
  });
});

describe('an organiser contact\'s phone number', () => {
  it.each([
    ['a number too short for its country', '+1 555 0100'],
    ['a country code that does not exist', '+999 1234567'],
    ['a national number without country code', '0711 123456'],
  ])('is refused as %s', async (_what, phone) => {
    const before = await storedState(s.db);
    expectRefused(await call(s, 'admin', CREATE, { v: withContact({ phone }) }), 'BAD_USER_INPUT', 'input.contacts[0].phone');
    expect(await storedState(s.db)).toEqual(before);
  });

  it.each([
    ['with the trunk zero in brackets, which E.164 leaves out', '+49 (0) 711 123-3030', '+497111233030'],
    ['written with dots', '+49.711.1233030', '+497111233030'],
    ['with a label before it', 'Tel.: +49 711 1233030', '+497111233030'],
  ])('is accepted %s, in E.164', async (_what, phone, stored) => {
    const created = dataOf(await call(s, 'admin', CREATE, { v: withContact({ phone }) })).createInitiative;
    expect(created.contacts).toEqual([{ email: null, phone: stored }]);
  });
});
