import type { SqlExecutor } from '../../db/database';
import { BadUserInputError } from '../../shared/errors';
import { keyOf } from '../../shared/global-id';
import {
  countryCodes, existingKeys, linkKeys, contacts, type KindValues, type OrganizerKindRules,
} from '../organizers';
import { required } from '../../shared/input-checks';
import type { NetworkFieldsInput } from './network.inputs';

/**
 * What createNetwork and updateNetwork write beyond the fields every organiser has: reach,
 * countries, contacts, and the member initiatives and partner networks (each list replaced
 * as a whole; kept in ascending key order, as links have no order of their own).
 */
export const NETWORK_RULES: OrganizerKindRules<NetworkFieldsInput> = {
  kind: 'NETWORK',
  type: 'Network',
  createAction: 'createNetwork',
  updateAction: 'updateNetwork',
  async check(source, read, tx, _current, self) {
    const own: KindValues = {};
    if (read.given('scope')) own.scope = required(source.scope, read.at('scope'));
    if (read.given('countries')) own.countries = countryCodes(source.countries ?? [], read.at('countries'));
    if (read.given('contacts')) own.contacts = contacts(source.contacts, read.at('contacts'));
    if (read.given('memberIds')) own.memberKeys = await members(tx, source.memberIds ?? [], read.at('memberIds'));
    if (read.given('partnerIds')) own.partnerKeys = await partners(tx, source.partnerIds ?? [], read.at('partnerIds'), self);
    return own;
  },
  linkedKeys(source) {
    const keys = [
      ...(source.memberIds ?? []).map((id) => keyOf(id, 'Initiative')),
      ...(source.partnerIds ?? []).map((id) => keyOf(id, 'Network')),
    ];
    return keys.filter((k): k is number => k !== null);
  },
};

async function members(tx: SqlExecutor, ids: readonly string[], field: string): Promise<number[]> {
  const keys = await linkKeys(ids, field, 'an initiative', (id) => keyOf(id, 'Initiative'),
    (k) => existingKeys(tx, 'organizer', k, 'INITIATIVE'));
  return ascending(keys);
}

/** Partner networks; a network cannot partner itself. */
async function partners(tx: SqlExecutor, ids: readonly string[], field: string, self: number | null): Promise<number[]> {
  const keys = await linkKeys(ids, field, 'a network', (id) => keyOf(id, 'Network'),
    (k) => existingKeys(tx, 'organizer', k, 'NETWORK'));
  const own = self === null ? -1 : keys.indexOf(self);
  if (own >= 0) throw new BadUserInputError('A network cannot be its own partner.', `${field}[${own}]`);
  return ascending(keys);
}

function ascending(keys: number[]): number[] {
  return [...keys].sort((a, b) => a - b);
}
