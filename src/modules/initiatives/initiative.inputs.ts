import { Field, InputType } from 'type-graphql';
import { LocalizedTextInput } from '../../shared/localized-text.input';
import { ContactInput, type ContactsFieldInput, type OrganizerFieldsInput } from '../organizers';

// The inputs of createInitiative and updateInitiative. GraphQL checks their shape; lengths,
// URLs, contacts and whether the region exists are checked before anything is written.
// Membership in networks is written on the network (NetworkInput.memberIds).

/** The fields an initiative is written from; InitiativeInput requires the name, InitiativePatch nothing. */
export interface InitiativeFieldsInput extends OrganizerFieldsInput, ContactsFieldInput {
  topics?: string[] | null;
}

@InputType('InitiativeInput', { description: 'A new cluster initiative for createInitiative (admin).' })
export class InitiativeInput implements InitiativeFieldsInput {
  @Field(() => LocalizedTextInput, { description: 'Name, up to 300 characters in each language.' })
  name!: LocalizedTextInput;

  @Field(() => String, { nullable: true, description: 'NUTS code of its seat, e.g. DE122; it must exist.' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Home page, an absolute http(s) URL.' })
  website?: string | null;

  @Field(() => [String], { nullable: true, description: 'Fields it works in, in order: each up to 100 characters, at most 50, none twice.' })
  topics?: string[] | null;

  @Field(() => [ContactInput], { nullable: true, description: 'People to ask, in order; at most 20.' })
  contacts?: ContactInput[] | null;
}

@InputType('InitiativePatch', { description: 'Changes for updateInitiative: a field left out stays as it is; null clears an optional field.' })
export class InitiativePatch implements InitiativeFieldsInput {
  @Field(() => LocalizedTextInput, { nullable: true, description: 'New name (all languages at once); cannot be cleared.' })
  name?: LocalizedTextInput | null;

  @Field(() => String, { nullable: true, description: 'New NUTS region code of its seat; null clears it.' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'New home page; null clears it.' })
  website?: string | null;

  @Field(() => [String], { nullable: true, description: 'New topics (the whole list); null or [] removes them.' })
  topics?: string[] | null;

  @Field(() => [ContactInput], { nullable: true, description: 'New contacts (the whole list); null or [] removes them.' })
  contacts?: ContactInput[] | null;
}
