import type { SqlExecutor } from '../../db/database';
import { BadUserInputError } from '../../shared/errors';
import { toGlobalId } from '../../shared/global-id';
import type { AuditSnapshot } from '../audit';
import type { OrganizerKind } from './organizer.entity';
import type { ContactInput, OrganizerFieldsInput } from './organizer-write.inputs';
import { MAX_NAME, MAX_WEBSITE, regionCode } from './organizer-write.checks';
import { checkedEmail } from '../../shared/email';
import { checkedPhone } from '../../shared/phone';
import { httpUrl, localized, optionalLocalized, required, requiredText, type LocalizedValues } from '../../shared/input-checks';

/** Most contacts one organiser lists. */
export const MAX_CONTACTS = 20;

/** A contact as stored. */
export interface ContactValues {
  name: string;
  role: LocalizedValues | null;
  email: string | null;
  phone: string | null;
}

/**
 * Everything an admin writes about an organiser, checked and normalised: the organizer row
 * (single-table inheritance, so the columns of other kinds stay null) and its links.
 */
export interface OrganizerValues {
  name: LocalizedValues;
  regionCode: string | null;
  website: string | null;
  /** Ministries. */
  shortName: string | null;
  level: string | null;
  /** Initiatives. */
  topics: string[] | null;
  /** Networks. */
  scope: string | null;
  countries: string[] | null;
  /** Initiatives and networks, in order. */
  contacts: ContactValues[];
  /** Networks: member initiatives and partner networks, ascending keys. */
  memberKeys: number[];
  partnerKeys: number[];
}

/** The values only some kinds have, as a kind's check returns them. */
export type KindValues = Partial<Omit<OrganizerValues, 'name' | 'regionCode' | 'website'>>;

/** The values of a kind's own fields before anything is set: what a new organiser starts from. */
const BLANK: Omit<OrganizerValues, 'name' | 'regionCode' | 'website'> = {
  shortName: null, level: null, topics: null, scope: null, countries: null, contacts: [], memberKeys: [], partnerKeys: [],
};

/** How one field of a create (`current` null) or a patch is read. */
export interface FieldReader<I> {
  /** The input path of a field, e.g. "patch.website". */
  at(field: keyof I & string): string;
  /** True when the field is to be (re)written: always on create, else when the patch has it. */
  given(field: keyof I & string): boolean;
}

/** A FieldReader over an input (path "input") or a patch (path "patch"). */
export function fieldReader<I extends object>(source: I, path: 'input' | 'patch', creating: boolean): FieldReader<I> {
  return {
    at: (field) => `${path}.${field}`,
    given: (field) => creating || (source as Record<string, unknown>)[field] !== undefined,
  };
}

/** The rules of one kind of organiser: its own fields, checked over the current values. */
export interface OrganizerKindRules<I extends OrganizerFieldsInput> {
  kind: OrganizerKind;
  /** GraphQL type name, for global ids and the audit trail. */
  type: 'Ministry' | 'Initiative' | 'Network';
  /** Mutation names, recorded as the audit entry's action. */
  createAction: string;
  updateAction: string;
  /** The kind's own values (only those given; the rest keep `current`). `self` is the organiser's key on update. */
  check(source: I, read: FieldReader<I>, tx: SqlExecutor, current: OrganizerValues | null, self: number | null): Promise<KindValues>;
  /**
   * Keys of other organisers the input links to (their rows are locked with the
   * organiser's own, in one order, see lockOrganizers); unreadable ids are left out, the
   * check refuses them later.
   */
  linkedKeys?(source: I): number[];
}

/**
 * The checked values of an organiser from a client's input (`current` null) or a patch over
 * `current`. Throws BAD_USER_INPUT at the first problem, before anything is written.
 */
export async function checkOrganizerValues<I extends OrganizerFieldsInput>(
  rules: OrganizerKindRules<I>, source: I, path: 'input' | 'patch', tx: SqlExecutor,
  current: OrganizerValues | null, self: number | null,
): Promise<OrganizerValues> {
  const read = fieldReader(source, path, current === null);
  const base = current ?? { name: { de: '', fr: null, en: null }, regionCode: null, website: null, ...BLANK };
  const name = read.given('name') ? localized(required(source.name, read.at('name')), read.at('name'), MAX_NAME) : base.name;
  const website = read.given('website') ? httpUrl(source.website, read.at('website'), MAX_WEBSITE) : base.website;
  const region = read.given('region') ? await regionCode(tx, source.region, read.at('region')) : base.regionCode;
  const own = await rules.check(source, read, tx, current, self);
  return { ...base, name, regionCode: region, website, ...own };
}

/** Contacts from a client's list, in order (null or [] for none). */
export function contacts(list: readonly ContactInput[] | null | undefined, field: string): ContactValues[] {
  if (list == null) return [];
  if (list.length > MAX_CONTACTS) throw new BadUserInputError(`At most ${MAX_CONTACTS} contacts, got ${list.length}.`, field);
  return list.map((c, i) => {
    const at = `${field}[${i}]`;
    return {
      name: requiredText(c.name, `${at}.name`, 200),
      role: optionalLocalized(c.role, `${at}.role`, 300),
      email: checkedEmail(c.email, `${at}.email`),
      // Contacts of organisers have no place to read a national number in: it needs its country code.
      phone: checkedPhone(c.phone, `${at}.phone`, null),
    };
  });
}

/**
 * An organiser as the audit trail records it: the fields of its kind, named and shaped as
 * in the mutation inputs (region code, global ids of members and partners).
 */
export function organizerSnapshot(kind: OrganizerKind, v: OrganizerValues): AuditSnapshot {
  const common = { name: { ...v.name }, region: v.regionCode, website: v.website };
  const people = { contacts: v.contacts.map((c) => ({ ...c, role: c.role && { ...c.role } })) };
  switch (kind) {
    case 'MINISTRY':
      return { ...common, shortName: v.shortName, level: v.level };
    case 'INITIATIVE':
      return { ...common, topics: [...(v.topics ?? [])], ...people };
    case 'NETWORK':
      return {
        ...common, scope: v.scope, countries: [...(v.countries ?? [])], ...people,
        memberIds: v.memberKeys.map((k) => toGlobalId('Initiative', k)),
        partnerIds: v.partnerKeys.map((k) => toGlobalId('Network', k)),
      };
  }
}
