import { Field, InputType } from 'type-graphql';
import { LocalizedTextInput } from '../../shared/localized-text.input';
import type { OrganizerFieldsInput } from '../organizers';
import { GovernmentLevel } from './ministry.entity';

// The inputs of createMinistry and updateMinistry. GraphQL checks their shape; lengths,
// URLs and whether the region exists are checked before anything is written.

/** The fields a ministry is written from; MinistryInput requires some, MinistryPatch none. */
export interface MinistryFieldsInput extends OrganizerFieldsInput {
  shortName?: string | null;
  level?: GovernmentLevel | null;
}

@InputType('MinistryInput', { description: 'A new ministry for createMinistry (admin).' })
export class MinistryInput implements MinistryFieldsInput {
  @Field(() => LocalizedTextInput, { description: 'Name, up to 300 characters in each language.' })
  name!: LocalizedTextInput;

  @Field(() => String, { nullable: true, description: 'Abbreviation, up to 40 characters, e.g. WM BW.' })
  shortName?: string | null;

  @Field(() => GovernmentLevel, { description: 'Federal or state ministry.' })
  level!: GovernmentLevel;

  @Field(() => String, { nullable: true, description: 'NUTS code of its seat, e.g. DE111; it must exist.' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Home page, an absolute http(s) URL.' })
  website?: string | null;
}

@InputType('MinistryPatch', { description: 'Changes for updateMinistry: a field left out stays as it is; null clears an optional field.' })
export class MinistryPatch implements MinistryFieldsInput {
  @Field(() => LocalizedTextInput, { nullable: true, description: 'New name (all languages at once); cannot be cleared.' })
  name?: LocalizedTextInput | null;

  @Field(() => String, { nullable: true, description: 'New abbreviation; null clears it.' })
  shortName?: string | null;

  @Field(() => GovernmentLevel, { nullable: true, description: 'New level; cannot be cleared.' })
  level?: GovernmentLevel | null;

  @Field(() => String, { nullable: true, description: 'New NUTS region code of its seat; null clears it.' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'New home page; null clears it.' })
  website?: string | null;
}
