import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Event } from './event.entity';
import { Organizer } from '../organizers';
import { Patron } from '../patrons';

/** Who organises an event: many organisers of any kind, in the order given. */
@Entity('event_organizer')
@Index('idx_event_organizer_organizer', ['organizerId', 'eventId'])
export class EventOrganizerLink {
  @ForeignKey(() => Event, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'event_id', type: 'integer' })
  eventId!: number;

  @ForeignKey(() => Organizer, { onDelete: 'RESTRICT' })
  @PrimaryColumn({ name: 'organizer_id', type: 'integer' })
  organizerId!: number;

  @Column({ type: 'integer', default: 0 })
  position!: number;
}

/** The patrons of an event. */
@Entity('event_patron')
@Index('idx_event_patron_patron', ['patronId', 'eventId'])
export class EventPatronLink {
  @ForeignKey(() => Event, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'event_id', type: 'integer' })
  eventId!: number;

  @ForeignKey(() => Patron, { onDelete: 'RESTRICT' })
  @PrimaryColumn({ name: 'patron_id', type: 'integer' })
  patronId!: number;

  @Column({ type: 'integer', default: 0 })
  position!: number;
}
