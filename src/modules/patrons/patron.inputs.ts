import { Field, ID, InputType } from 'type-graphql';
import { LocalizedTextInput } from '../../shared/localized-text.input';

// The inputs of createPatron and updatePatron. GraphQL checks their shape; lengths and
// whether the ministry exists are checked before anything is written.

/** The fields a patron is written from; PatronInput requires the name, PatronPatch nothing. */
export interface PatronFieldsInput {
  name?: string | null;
  honorific?: string | null;
  office?: LocalizedTextInput | null;
  ministryId?: string | null;
  imageCredit?: string | null;
}

@InputType('PatronInput', { description: 'A new patron for createPatron (admin).' })
export class PatronInput implements PatronFieldsInput {
  @Field(() => String, { description: 'Full name without title, up to 200 characters, e.g. Johanna Wanka.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Academic or honorific title, up to 60 characters, e.g. Prof. Dr.' })
  honorific?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Office held, up to 300 characters in each language.' })
  office?: LocalizedTextInput | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the ministry of the office.' })
  ministryId?: string | null;

  @Field(() => String, { nullable: true, description: 'Credit line of the portrait photo, up to 300 characters.' })
  imageCredit?: string | null;
}

@InputType('PatronPatch', { description: 'Changes for updatePatron: a field left out stays as it is; null clears an optional field.' })
export class PatronPatch implements PatronFieldsInput {
  @Field(() => String, { nullable: true, description: 'New name; cannot be cleared.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New title; null clears it.' })
  honorific?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'New office (all languages at once); null clears it.' })
  office?: LocalizedTextInput | null;

  @Field(() => ID, { nullable: true, description: 'New ministry; null clears it.' })
  ministryId?: string | null;

  @Field(() => String, { nullable: true, description: 'New photo credit; null clears it.' })
  imageCredit?: string | null;
}
