import { Field, InputType } from 'type-graphql';
import { LocalizedTextInput } from '../../shared/localized-text.input';

// What the admin mutations of every kind of organiser share: the fields of the organizer
// row all kinds have, and the contacts of initiatives and networks. Each kind's inputs
// (ministry.inputs.ts, initiative.inputs.ts, network.inputs.ts) add their own fields.

@InputType('ContactInput', { description: 'A person to ask at an organiser (Ansprechpartner/-in).' })
export class ContactInput {
  @Field(() => String, { description: 'Full name, up to 200 characters.' })
  name!: string;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'What the person does there, up to 300 characters in each language.' })
  role?: LocalizedTextInput | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number with country code, e.g. +49 711 123-3030; stored in E.164 (+497111233030).' })
  phone?: string | null;
}

/**
 * The fields an organiser of any kind is written from; an input requires name, a patch
 * nothing. A field left out of a patch stays, null clears it (name cannot be cleared).
 */
export interface OrganizerFieldsInput {
  name?: LocalizedTextInput | null;
  region?: string | null;
  website?: string | null;
}

/** The contacts field of initiatives and networks. */
export interface ContactsFieldInput {
  contacts?: ContactInput[] | null;
}
