import { BadUserInputError } from '../../shared/errors';
import { requiredText } from '../../shared/input-checks';
import { contacts, type KindValues, type OrganizerKindRules } from '../organizers';
import type { InitiativeFieldsInput } from './initiative.inputs';
import { quote } from '../../shared/quote';

/** Longest topic, in characters. */
export const MAX_TOPIC = 100;
/** Most topics of one initiative. */
export const MAX_TOPICS = 50;

/** What createInitiative and updateInitiative write beyond the fields every organiser has. */
export const INITIATIVE_RULES: OrganizerKindRules<InitiativeFieldsInput> = {
  kind: 'INITIATIVE',
  type: 'Initiative',
  createAction: 'createInitiative',
  updateAction: 'updateInitiative',
  async check(source, read) {
    const own: KindValues = {};
    if (read.given('topics')) own.topics = topics(source.topics ?? [], read.at('topics'));
    if (read.given('contacts')) own.contacts = contacts(source.contacts, read.at('contacts'));
    return own;
  },
};

/** Topics trimmed, in order; an empty one, or one named twice (ignoring case), is refused at its index. */
function topics(list: readonly string[], field: string): string[] {
  if (list.length > MAX_TOPICS) throw new BadUserInputError(`At most ${MAX_TOPICS} topics, got ${list.length}.`, field);
  const seen = new Set<string>();
  return list.map((t, i) => {
    const topic = requiredText(t, `${field}[${i}]`, MAX_TOPIC);
    const key = topic.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw new BadUserInputError(`The topic ${quote(topic)} is named twice.`, `${field}[${i}]`);
    seen.add(key);
    return topic;
  });
}
