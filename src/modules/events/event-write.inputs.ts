import { Field, Float, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/scalars';
import { Language } from '../../shared/i18n';
import { LocalizedTextInput } from '../../shared/localized-text.input';
import { EventCategory } from './event.enums';

// The mutation inputs of the contract. GraphQL checks their shape; everything it cannot
// (lengths, URLs, time zones, whether a region or organiser exists) is checked by
// event-write.validation.ts before anything is written.

@InputType('VenueInput', { description: 'Where an event takes place; leave out what is not known.' })
export class VenueInput {
  @Field(() => String, { nullable: true, description: 'Name of the place, up to 300 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Street and number, up to 300 characters.' })
  street?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code (PLZ), up to 20 characters.' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'City, up to 200 characters.' })
  city?: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code, e.g. DE.' })
  country!: string;

  @Field(() => Float, { nullable: true, description: 'WGS 84 latitude, -90 to 90.' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 longitude, -180 to 180.' })
  longitude?: number | null;
}

@InputType('EventContactInput', { description: 'The person to ask about an event; at least one of the three (all empty means none).' })
export class EventContactInput {
  @Field(() => String, { nullable: true, description: 'Full name, up to 200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address, e.g. info@example.org.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number; without a country code it is read in the venue\'s country (else DE). Stored in E.164, e.g. +497621940123.' })
  phone?: string | null;
}

/** The fields an event is written from; EventInput requires some, EventPatch none. */
export interface EventFieldsInput {
  title?: LocalizedTextInput | null;
  description?: LocalizedTextInput | null;
  category?: EventCategory | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  timeZone?: string | null;
  venue?: VenueInput | null;
  region?: string | null;
  organizerIds?: string[] | null;
  campaign?: string | null;
  patronIds?: string[] | null;
  languages?: Language[] | null;
  url?: string | null;
  registrationUrl?: string | null;
  contact?: EventContactInput | null;
  allDay?: boolean | null;
}

@InputType('EventInput', { description: 'A new event for submitEvent.' })
export class EventInput implements EventFieldsInput {
  @Field(() => LocalizedTextInput, { description: 'Title, up to 300 characters in each language.' })
  title!: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Description, plain text.' })
  description?: LocalizedTextInput | null;

  @Field(() => EventCategory, { description: 'The format of the event.' })
  category!: EventCategory;

  @Field(() => DateTimeScalar, { description: 'Start, an instant with offset.' })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End, not before the start; null when not known.' })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone the times are shown in; default Europe/Berlin.' })
  timeZone?: string | null;

  @Field(() => VenueInput, { nullable: true, description: 'Where it takes place.' })
  venue?: VenueInput | null;

  @Field(() => String, { description: 'NUTS code of the region it takes place in, e.g. DE111; it must exist.' })
  region!: string;

  @Field(() => [ID], { description: 'Global ids of its organisers (ministries, initiatives, networks), at least one, in order. An editor names only its own organiser.' })
  organizerIds!: string[];

  @Field(() => String, { nullable: true, description: 'Slug of the campaign it belongs to, e.g. clusterwoche-2017.' })
  campaign?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Global ids of its patrons, in order.' })
  patronIds?: string[] | null;

  @Field(() => [Language], { nullable: true, description: 'Languages it is held in; default none stated.' })
  languages?: Language[] | null;

  @Field(() => String, { nullable: true, description: 'Web page, an absolute http(s) URL.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'Where to register, an absolute http(s) URL.' })
  registrationUrl?: string | null;

  @Field(() => EventContactInput, { nullable: true, description: 'The person to ask about it.' })
  contact?: EventContactInput | null;

  @Field(() => Boolean, { nullable: true, description: 'True for an all-day event (default false): startsAt must then be a midnight in timeZone and endsAt the midnight after its last day (exclusive); a missing endsAt means one day.' })
  allDay?: boolean | null;
}

@InputType('EventPatch', { description: 'Changes for updateEvent: a field left out stays as it is; null clears an optional field.' })
export class EventPatch implements EventFieldsInput {
  @Field(() => LocalizedTextInput, { nullable: true, description: 'New title (all languages at once); cannot be cleared.' })
  title?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'New description (all languages at once); null clears it.' })
  description?: LocalizedTextInput | null;

  @Field(() => EventCategory, { nullable: true, description: 'New category; cannot be cleared.' })
  category?: EventCategory | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'New start; cannot be cleared.' })
  startsAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'New end, not before the start; null clears it.' })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'New IANA time zone; null sets Europe/Berlin.' })
  timeZone?: string | null;

  @Field(() => VenueInput, { nullable: true, description: 'New venue (all parts at once); null clears it.' })
  venue?: VenueInput | null;

  @Field(() => String, { nullable: true, description: 'New NUTS region code; cannot be cleared.' })
  region?: string | null;

  @Field(() => [ID], { nullable: true, description: 'New organisers (the whole list), at least one; cannot be cleared.' })
  organizerIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'New campaign slug; null takes the event out of its campaign.' })
  campaign?: string | null;

  @Field(() => [ID], { nullable: true, description: 'New patrons (the whole list); null or [] removes them.' })
  patronIds?: string[] | null;

  @Field(() => [Language], { nullable: true, description: 'New languages (the whole list); null or [] states none.' })
  languages?: Language[] | null;

  @Field(() => String, { nullable: true, description: 'New web page; null clears it.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'New registration page; null clears it.' })
  registrationUrl?: string | null;

  @Field(() => EventContactInput, { nullable: true, description: 'New contact (all parts at once); null clears it.' })
  contact?: EventContactInput | null;

  @Field(() => Boolean, { nullable: true, description: 'All-day or not; null sets false. With true, the (new or kept) times must be midnights in the time zone.' })
  allDay?: boolean | null;
}
