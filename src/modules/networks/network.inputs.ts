import { Field, ID, InputType } from 'type-graphql';
import { LocalizedTextInput } from '../../shared/localized-text.input';
import { ContactInput, type ContactsFieldInput, type OrganizerFieldsInput } from '../organizers';
import { NetworkScope } from './network.entity';

// The inputs of createNetwork and updateNetwork. GraphQL checks their shape; lengths, URLs,
// country codes, contacts and whether the region, members and partners exist are checked
// before anything is written.

/** The fields a network is written from; NetworkInput requires some, NetworkPatch none. */
export interface NetworkFieldsInput extends OrganizerFieldsInput, ContactsFieldInput {
  scope?: NetworkScope | null;
  countries?: string[] | null;
  memberIds?: string[] | null;
  partnerIds?: string[] | null;
}

@InputType('NetworkInput', { description: 'A new network for createNetwork (admin).' })
export class NetworkInput implements NetworkFieldsInput {
  @Field(() => LocalizedTextInput, { description: 'Name, up to 300 characters in each language.' })
  name!: LocalizedTextInput;

  @Field(() => NetworkScope, { description: 'How far the network reaches.' })
  scope!: NetworkScope;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes of the countries it works in, e.g. ["DE", "CH", "FR"], none twice.' })
  countries?: string[] | null;

  @Field(() => String, { nullable: true, description: 'NUTS code of its seat, e.g. DE13; it must exist.' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Home page, an absolute http(s) URL.' })
  website?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Global ids of its member initiatives, none twice.' })
  memberIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Global ids of its partner networks, none twice. A partnership goes both ways: the partners list this network too.' })
  partnerIds?: string[] | null;

  @Field(() => [ContactInput], { nullable: true, description: 'People to ask, in order; at most 20.' })
  contacts?: ContactInput[] | null;
}

@InputType('NetworkPatch', { description: 'Changes for updateNetwork: a field left out stays as it is; null clears an optional field.' })
export class NetworkPatch implements NetworkFieldsInput {
  @Field(() => LocalizedTextInput, { nullable: true, description: 'New name (all languages at once); cannot be cleared.' })
  name?: LocalizedTextInput | null;

  @Field(() => NetworkScope, { nullable: true, description: 'New reach; cannot be cleared.' })
  scope?: NetworkScope | null;

  @Field(() => [String], { nullable: true, description: 'New countries (the whole list); null or [] removes them.' })
  countries?: string[] | null;

  @Field(() => String, { nullable: true, description: 'New NUTS region code of its seat; null clears it.' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'New home page; null clears it.' })
  website?: string | null;

  @Field(() => [ID], { nullable: true, description: 'New member initiatives (the whole list, replacing the old one); null or [] removes them all.' })
  memberIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'New partner networks (the whole list, replacing the old one, in both directions); null or [] ends every partnership.' })
  partnerIds?: string[] | null;

  @Field(() => [ContactInput], { nullable: true, description: 'New contacts (the whole list); null or [] removes them.' })
  contacts?: ContactInput[] | null;
}
