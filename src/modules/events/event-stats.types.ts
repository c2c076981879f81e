import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EventCategory } from './event.enums';

/** What eventStats can group by. */
export enum EventDimension {
  CATEGORY = 'CATEGORY',
  REGION = 'REGION',
  STATE = 'STATE',
  COUNTRY = 'COUNTRY',
  MONTH = 'MONTH',
  ORGANIZER = 'ORGANIZER',
  CAMPAIGN = 'CAMPAIGN',
}
registerEnumType(EventDimension, {
  name: 'EventDimension',
  description: 'What event statistics can be grouped by.',
  valuesConfig: {
    CATEGORY: { description: 'The event\'s category.' },
    REGION: { description: 'The event\'s own NUTS region.' },
    STATE: { description: 'The NUTS-1 ancestor of the region (a German state, CH0, FRF).' },
    COUNTRY: { description: 'The country of the region.' },
    MONTH: { description: 'Month of the start, YYYY-MM in the event\'s time zone.' },
    ORGANIZER: { description: 'Each organiser; an event counts once for each of its organisers.' },
    CAMPAIGN: { description: 'The campaign; events without one form a group with campaign null.' },
  },
});

/** One group of eventStats; the grouped dimensions are set, the rest null. */
@ObjectType('EventStatsRow', { description: 'One group of event statistics: the grouped dimensions are set, the others null.', simpleResolvers: true })
export class EventStatsRow {
  @Field(() => Int, { description: 'Events in this group.' })
  count!: number;

  @Field(() => EventCategory, { nullable: true, description: 'Category of the group (when grouped by CATEGORY).' })
  category!: EventCategory | null;

  @Field(() => String, { nullable: true, description: 'Country of the group (when grouped by COUNTRY).' })
  country!: string | null;

  @Field(() => String, { nullable: true, description: 'Month of the group, YYYY-MM (when grouped by MONTH).' })
  month!: string | null;

  regionCode!: string | null;
  stateCode!: string | null;
  organizerId!: number | null;
  campaignId!: number | null;
}
