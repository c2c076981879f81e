import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../shared/node';
import { toGlobalId } from '../../shared/global-id';
import { CancelledBy, EventCategory, EventStatus } from './event.enums';
import { Region } from '../regions';
import { Campaign } from '../campaigns';

/**
 * An event (Veranstaltung). Times are stored as epoch milliseconds (the same integer
 * arithmetic on SQLite and PostgreSQL) with the IANA zone they are shown in. Texts are one
 * column per language. The region's country and NUTS-1/-2 ancestors are copied onto the
 * row so "everything in DE1" is an indexed equality, not a prefix scan.
 */
@Entity('event')
@Index('idx_event_status_start', ['status', 'startsAt', 'pk'])
@Index('idx_event_status_updated', ['status', 'updatedAt', 'pk'])
@Index('idx_event_status_title', ['status', 'titleSort', 'pk'])
@Index('idx_event_country_start', ['country', 'startsAt'])
@Index('idx_event_nuts1_start', ['nuts1', 'startsAt'])
@Index('idx_event_nuts2_start', ['nuts2', 'startsAt'])
@Index('idx_event_region_start', ['regionCode', 'startsAt'])
@Index('idx_event_category_start', ['category', 'startsAt'])
@Index('idx_event_campaign_start', ['campaignId', 'startsAt'])
@Index('idx_event_campaign_state_category', ['campaignId', 'nuts1', 'status', 'category', 'startsAt', 'pk'])
@Index('idx_event_state_category', ['nuts1', 'status', 'category', 'startsAt', 'pk'])
@ObjectType('Event', {
  implements: Node,
  description: 'An event (Veranstaltung) of the cluster landscape.',
  simpleResolvers: true,
})
export class Event implements Node {
  @PrimaryGeneratedColumn({ name: 'id' })
  pk!: number;

  @Index('uq_event_slug', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  @Field(() => String, { description: 'URL-friendly unique name, e.g. hannover-messe-2017.' })
  slug!: string;

  @Column({ name: 'title_de', type: 'varchar', length: 1200 })
  titleDe!: string;

  @Column({ name: 'title_fr', type: 'varchar', length: 1200, nullable: true })
  titleFr!: string | null;

  @Column({ name: 'title_en', type: 'varchar', length: 1200, nullable: true })
  titleEn!: string | null;

  /** Folded German title: the key of TITLE_ASC. */
  @Column({ name: 'title_sort', type: 'varchar', length: 1200 })
  titleSort!: string;

  @Column({ name: 'description_de', type: 'text', nullable: true })
  descriptionDe!: string | null;

  @Column({ name: 'description_fr', type: 'text', nullable: true })
  descriptionFr!: string | null;

  @Column({ name: 'description_en', type: 'text', nullable: true })
  descriptionEn!: string | null;

  @Column({ type: 'varchar', length: 32 })
  @Field(() => EventCategory, { description: 'The format of the event.' })
  category!: EventCategory;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => EventStatus, { description: 'Where the event is in its review.' })
  status!: EventStatus;

  /** Set by rejectEvent and cancelEvent, cleared when the event is published or resubmitted. */
  @Column({ name: 'status_reason', type: 'varchar', length: 2000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the event was rejected or cancelled, as the cluster unit or its organiser said; null otherwise.' })
  statusReason!: string | null;

  /**
   * Who cancelled it, set with the status (null unless CANCELLED): an import's cancellation
   * is undone when its source announces the event again, a person's stays. The reason is
   * text for people; this is what the code reads.
   */
  @Column({ name: 'cancelled_by', type: 'varchar', length: 16, nullable: true })
  cancelledBy!: CancelledBy | null;

  @Column({ name: 'starts_at', type: 'bigint' })
  startsAt!: number;

  @Column({ name: 'ends_at', type: 'bigint', nullable: true })
  endsAt!: number | null;

  /** Wall-clock start in the event's zone, YYYY-MM-DDTHH:mm:ss (months are counted by it). */
  @Column({ name: 'starts_local', type: 'varchar', length: 19 })
  startsLocal!: string;

  /**
   * A whole-day event: starts_at is a local midnight in time_zone and ends_at the local
   * midnight after its last day (exclusive, as RFC 5545's DTEND;VALUE=DATE).
   */
  @Column({ name: 'all_day', type: 'boolean', default: false })
  @Field(() => Boolean, { description: 'True when it runs whole days: startsAt is a midnight in timeZone and endsAt the midnight after its last day (exclusive, as in iCalendar), so a fair on 25–27 April ends at 28 April 00:00.' })
  allDay!: boolean;

  /**
   * The event an untrusted source's record seemed to repeat when it was imported: the record
   * was not merged into it but submitted on its own, and this tells the moderator which
   * event to compare it with. No foreign key: events are never deleted.
   */
  @Column({ name: 'duplicate_of_id', type: 'integer', nullable: true })
  duplicateOfId!: number | null;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  @Field(() => String, { description: 'IANA time zone the times are shown in, e.g. Europe/Berlin.' })
  timeZone!: string;

  @Column({ name: 'venue_name', type: 'varchar', length: 300, nullable: true })
  venueName!: string | null;

  @Column({ name: 'venue_street', type: 'varchar', length: 300, nullable: true })
  venueStreet!: string | null;

  @Column({ name: 'venue_postal_code', type: 'varchar', length: 20, nullable: true })
  venuePostalCode!: string | null;

  @Column({ name: 'venue_city', type: 'varchar', length: 200, nullable: true })
  venueCity!: string | null;

  /** Null when the event has no venue at all. */
  @Column({ name: 'venue_country', type: 'varchar', length: 2, nullable: true })
  venueCountry!: string | null;

  @Column({ name: 'venue_latitude', type: 'double precision', nullable: true })
  venueLatitude!: number | null;

  @Column({ name: 'venue_longitude', type: 'double precision', nullable: true })
  venueLongitude!: number | null;

  @ForeignKey(() => Region, { onDelete: 'RESTRICT' })
  @Column({ name: 'region_code', type: 'varchar', length: 8 })
  regionCode!: string;

  /** Country of the region (first two letters of its code). */
  @Column({ type: 'varchar', length: 2 })
  country!: string;

  /** NUTS-1 ancestor of the region (the state), null for a country-level region. */
  @Column({ type: 'varchar', length: 3, nullable: true })
  nuts1!: string | null;

  /** NUTS-2 ancestor of the region, null above level 2. */
  @Column({ type: 'varchar', length: 4, nullable: true })
  nuts2!: string | null;

  @ForeignKey(() => Campaign, { onDelete: 'SET NULL' })
  @Column({ name: 'campaign_id', type: 'integer', nullable: true })
  campaignId!: number | null;

  /** Languages the event is held in, comma-separated. */
  @Column({ type: 'simple-array' })
  languages!: string[];

  @Column({ type: 'varchar', length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Web page of the event, an absolute http(s) URL.' })
  url!: string | null;

  @Column({ name: 'registration_url', type: 'varchar', length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Where to register (Anmeldung), an absolute http(s) URL.' })
  registrationUrl!: string | null;

  /** The person to ask about this event (Event.contact); all three null when none is known. */
  @Column({ name: 'contact_name', type: 'varchar', length: 200, nullable: true })
  contactName!: string | null;

  @Column({ name: 'contact_email', type: 'varchar', length: 300, nullable: true })
  contactEmail!: string | null;

  /** E.164, e.g. +497621940123. */
  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone!: string | null;

  /** True for filler events of the demo and synthetic datasets. */
  @Column({ type: 'boolean' })
  synthetic!: boolean;

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int, { description: 'Bumps on every change; pass it as expectedVersion to update safely.' })
  version!: number;

  @Column({ name: 'created_at', type: 'bigint' })
  createdAt!: number;

  @Column({ name: 'updated_at', type: 'bigint' })
  updatedAt!: number;

  /** Global id (the Node interface's field). */
  get id(): string {
    return toGlobalId('Event', this.pk);
  }

  get graphqlType(): string {
    return 'Event';
  }
}
