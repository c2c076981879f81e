import { Field, Float, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../shared/connection';
import { Event } from './event.entity';
import { EventCategory } from './event.enums';

/** Where an event takes place. Parts the source does not know are null, never invented. */
@ObjectType('Venue', { description: 'Where an event takes place (Veranstaltungsort). Unknown parts are null.', simpleResolvers: true })
export class Venue {
  @Field(() => String, { nullable: true, description: 'Name of the place, e.g. Haus der Wirtschaft.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Street and number.' })
  street!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code (PLZ).' })
  postalCode!: string | null;

  @Field(() => String, { nullable: true, description: 'City.' })
  city!: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string;

  @Field(() => Float, { nullable: true, description: 'WGS 84 latitude.' })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 longitude.' })
  longitude!: number | null;
}

const eventConnection = connectionTypes('Event', Event, 'An event');

export const EventEdge = eventConnection.EdgeType;
export const EventConnection = eventConnection.ConnectionType;
export type EventConnection = InstanceType<typeof EventConnection>;

@ObjectType('EventCategoryGroup', { description: 'The events of one category, for overviews by format.', simpleResolvers: true })
export class EventCategoryGroup {
  @Field(() => EventCategory, { description: 'The category.' })
  category: EventCategory;

  @Field(() => [Event], { description: 'The first events of the category, earliest start first.' })
  events: Event[];

  /** Counted when asked: the groups share one GROUP BY statement that most overviews do not need. */
  @Field(() => Int, { description: 'Every event of the category matching the filter.' })
  get count(): Promise<number> {
    return this.countOf(this.category);
  }

  constructor(category: EventCategory, events: Event[], private readonly countOf: (category: EventCategory) => Promise<number>) {
    this.category = category;
    this.events = events;
  }
}
