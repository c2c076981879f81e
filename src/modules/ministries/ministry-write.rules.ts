import { required, text } from '../../shared/input-checks';
import type { KindValues, OrganizerKindRules } from '../organizers';
import type { MinistryFieldsInput } from './ministry.inputs';

/** Longest abbreviation (ministry.short_name). */
export const MAX_SHORT_NAME = 40;

/** What createMinistry and updateMinistry write beyond the fields every organiser has. */
export const MINISTRY_RULES: OrganizerKindRules<MinistryFieldsInput> = {
  kind: 'MINISTRY',
  type: 'Ministry',
  createAction: 'createMinistry',
  updateAction: 'updateMinistry',
  async check(source, read) {
    const own: KindValues = {};
    if (read.given('shortName')) own.shortName = text(source.shortName, read.at('shortName'), MAX_SHORT_NAME);
    if (read.given('level')) own.level = required(source.level, read.at('level'));
    return own;
  },
};
