import type { SqlExecutor } from '../../db/database';
import { BadUserInputError } from '../../shared/errors';
import { keyOf, toGlobalId } from '../../shared/global-id';
import type { AuditSnapshot } from '../audit';
import {
  organizerGlobalId, organizerKeyOf, MAX_NAME, existingKeys, linkKeys, fieldReader,
  type OrganizerKind,
} from '../organizers';
import { localized, required, type LocalizedValues } from '../../shared/input-checks';
import type { CampaignFieldsInput } from './campaign.inputs';
import { quote } from '../../shared/quote';

/** Longest slug (campaign.slug). */
export const MAX_SLUG = 100;

/** A campaign as written, checked and normalised: days as YYYY-MM-DD, references as keys. */
export interface CampaignValues {
  slug: string;
  name: LocalizedValues;
  startsOn: string;
  endsOn: string;
  initiator: { key: number; kind: OrganizerKind } | null;
  /** In order. */
  patronKeys: number[];
}

/**
 * The checked values of a campaign from an input (`current` null) or a patch over
 * `current`; `self` is the campaign's key on update (its own slug is not a clash). Throws
 * BAD_USER_INPUT naming the input path at fault at the first problem found.
 */
export async function checkCampaign(
  tx: SqlExecutor, source: CampaignFieldsInput, path: 'input' | 'patch', current: CampaignValues | null, self: number | null,
): Promise<CampaignValues> {
  const read = fieldReader(source, path, current === null);
  const base = current ?? { slug: '', name: { de: '', fr: null, en: null }, startsOn: '', endsOn: '', initiator: null, patronKeys: [] };
  const slug = read.given('slug') ? await freeSlug(tx, required(source.slug, read.at('slug')), read.at('slug'), self) : base.slug;
  const name = read.given('name') ? localized(required(source.name, read.at('name')), read.at('name'), MAX_NAME) : base.name;
  const startsOn = read.given('startsOn') ? day(required(source.startsOn, read.at('startsOn')), read.at('startsOn')) : base.startsOn;
  const endsOn = read.given('endsOn') ? day(required(source.endsOn, read.at('endsOn')), read.at('endsOn')) : base.endsOn;
  if (endsOn < startsOn) {
    // Blame the value the caller sent: the last day, or in a patch moving only the first day, that one.
    const blamed = source.endsOn != null || source.startsOn == null ? 'endsOn' : 'startsOn';
    throw new BadUserInputError(`The campaign cannot end (${endsOn}) before it starts (${startsOn}).`, read.at(blamed));
  }
  return {
    slug, name, startsOn, endsOn,
    initiator: read.given('initiatorId') ? await initiator(tx, source.initiatorId, read.at('initiatorId')) : base.initiator,
    patronKeys: read.given('patronIds')
      ? await linkKeys(source.patronIds ?? [], read.at('patronIds'), 'a patron', (id) => keyOf(id, 'Patron'),
        (keys) => existingKeys(tx, 'patron', keys))
      : base.patronKeys,
  };
}

/** A slug of the right form that no other campaign has. */
async function freeSlug(tx: SqlExecutor, value: string, field: string, self: number | null): Promise<string> {
  const slug = value.trim();
  if (slug.length > MAX_SLUG || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    throw new BadUserInputError(
      `${field} must be lower-case letters a–z, digits and single hyphens, up to ${MAX_SLUG} characters, e.g. clusterwoche-2019.`, field);
  }
  const [taken] = await tx.query<{ id: number }>('SELECT id FROM campaign WHERE slug = ?', [slug]);
  if (taken && Number(taken.id) !== self) throw slugTaken(slug, field);
  return slug;
}

/** The refusal of a slug another campaign has (also when a concurrent write took it first). */
export function slugTaken(slug: string, field: string): BadUserInputError {
  return new BadUserInputError(`Another campaign has the slug ${quote(slug)} already; choose another one.`, field);
}

/** A day as stored: YYYY-MM-DD. */
function day(value: Date, field: string): string {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new BadUserInputError(`${field} is not a date.`, field);
  return value.toISOString().slice(0, 10);
}

/** The organiser (any kind) behind an id, if it exists; null for none. */
async function initiator(tx: SqlExecutor, id: string | null | undefined, field: string): Promise<CampaignValues['initiator']> {
  if (id == null) return null;
  const ref = organizerKeyOf(id);
  if (ref === null || !(await existingKeys(tx, 'organizer', [ref.key], ref.kind)).has(ref.key)) {
    throw new BadUserInputError(`Unknown organiser ${quote(id)}: expected the id of a ministry, initiative or network.`, field);
  }
  return ref;
}

/** A campaign as the audit trail records it: the fields of CampaignInput, references as global ids. */
export function campaignSnapshot(v: CampaignValues): AuditSnapshot {
  return {
    slug: v.slug,
    name: { ...v.name },
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    initiatorId: v.initiator === null ? null : organizerGlobalId(v.initiator.kind, v.initiator.key),
    patronIds: v.patronKeys.map((k) => toGlobalId('Patron', k)),
  };
}
