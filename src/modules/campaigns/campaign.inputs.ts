import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars';
import { LocalizedTextInput } from '../../shared/localized-text.input';

// The inputs of createCampaign and updateCampaign. GraphQL checks their shape; the slug's
// form and uniqueness, the order of the days and whether the initiator and patrons exist
// are checked before anything is written.

/** The fields a campaign is written from; CampaignInput requires some, CampaignPatch none. */
export interface CampaignFieldsInput {
  slug?: string | null;
  name?: LocalizedTextInput | null;
  startsOn?: Date | null;
  endsOn?: Date | null;
  initiatorId?: string | null;
  patronIds?: string[] | null;
}

@InputType('CampaignInput', { description: 'A new campaign for createCampaign (admin).' })
export class CampaignInput implements CampaignFieldsInput {
  @Field(() => String, { description: 'URL-friendly name no other campaign has: lower-case letters, digits and single hyphens, up to 100 characters, e.g. clusterwoche-2019.' })
  slug!: string;

  @Field(() => LocalizedTextInput, { description: 'Name, up to 300 characters in each language.' })
  name!: LocalizedTextInput;

  @Field(() => DateScalar, { description: 'First day.' })
  startsOn!: Date;

  @Field(() => DateScalar, { description: 'Last day (inclusive), not before the first.' })
  endsOn!: Date;

  @Field(() => ID, { nullable: true, description: 'Global id of the organiser (ministry, initiative or network) who started it.' })
  initiatorId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Global ids of its patrons, in order, none twice.' })
  patronIds?: string[] | null;
}

@InputType('CampaignPatch', { description: 'Changes for updateCampaign: a field left out stays as it is; null clears an optional field.' })
export class CampaignPatch implements CampaignFieldsInput {
  @Field(() => String, { nullable: true, description: 'New slug, unique; cannot be cleared. Links and feeds that name the old slug stop matching.' })
  slug?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'New name (all languages at once); cannot be cleared.' })
  name?: LocalizedTextInput | null;

  @Field(() => DateScalar, { nullable: true, description: 'New first day; cannot be cleared.' })
  startsOn?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'New last day, not before the first; cannot be cleared.' })
  endsOn?: Date | null;

  @Field(() => ID, { nullable: true, description: 'New initiator; null clears it.' })
  initiatorId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'New patrons (the whole list, in order); null or [] removes them.' })
  patronIds?: string[] | null;
}
