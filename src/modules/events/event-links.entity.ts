import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Who organises an event: many organisers of any kind, in the order given. */
@Entity('event_organizer')
@Index('idx_event_organizer_organizer', ['organizerId', 'eventId'])
export class EventOrganizerLink {
  @PrimaryColumn({ name: 'event_id', type: 'integer' })
  eventId!: number;

  @PrimaryColumn({ name: 'organizer_id', type: 'integer' })
  organizerId!: number;

  @Column({ type: 'integer', default: 0 })
  position!: number;
}

/** The patrons of an event. */
@Entity('event_patron')
@Index('idx_event_patron_patron', ['patronId', 'eventId'])
export class EventPatronLink {
  @PrimaryColumn({ name: 'event_id', type: 'integer' })
  eventId!: number;

  @PrimaryColumn({ name: 'patron_id', type: 'integer' })
  patronId!: number;

  @Column({ type: 'integer', default: 0 })
  position!: number;
}
