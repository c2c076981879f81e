import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One entry of the change log (the transactional outbox): an event changed in a way some
 * viewer sees, written in the transaction of the change, so the log holds exactly the
 * changes that were committed. `seq` is the position readers resume from; entries are
 * never updated, only pruned once older than the retention (see pruneEventChanges).
 */
@Entity('event_change')
@Index('idx_event_change_at', ['at'])
export class EventChange {
  /** Increases with every entry, in commit order (see appendEventChanges); never reused. */
  @PrimaryGeneratedColumn({ name: 'seq' })
  seq!: number;

  /** The event's key (its row id); not a foreign key: the log outlives nothing and blocks nothing. */
  @Column({ name: 'event_id', type: 'integer' })
  eventId!: number;

  /** An EventChangeKind. */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  /** The event's version after the change (a touch leaves it, so two entries may share one). */
  @Column({ type: 'integer' })
  version!: number;

  /** The event's status after the change. */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  /** Its status before; null when the change created the event. */
  @Column({ name: 'previous_status', type: 'varchar', length: 16, nullable: true })
  previousStatus!: string | null;

  /** Keys of the organisers the change took off the event, comma-separated; null when none. */
  @Column({ name: 'dropped_organizer_ids', type: 'text', nullable: true })
  droppedOrganizerIds!: string | null;

  /** When the entry was written, epoch milliseconds. */
  @Column({ type: 'bigint' })
  at!: number;
}
