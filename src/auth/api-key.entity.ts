import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../shared/viewer';

/**
 * An API key. Only the SHA-256 of the secret is stored (hex), so a copy of the database
 * lets nobody act as a key; the secret is shown once, by `apikey create`. Keys are never
 * deleted: revoking stamps `revoked_at`, and the row stays for `apikey list` and audit.
 * Times are epoch milliseconds, as everywhere.
 */
@Entity('api_key')
export class ApiKey {
  @PrimaryGeneratedColumn({ name: 'id' })
  id!: number;

  /** Who or what holds the key, e.g. "Kalender BMWK"; shown in lists and the audit trail. */
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /**
   * The organiser an editor's key is bound to; null for every other role. The foreign key
   * names the organizer table rather than its entity class: keys sit below the modules and
   * need only the id, never the organiser object.
   */
  @Index('idx_api_key_organizer')
  @ForeignKey('organizer', { onDelete: 'CASCADE' })
  @Column({ name: 'organizer_id', type: 'integer', nullable: true })
  organizerId!: number | null;

  /** SHA-256 of the secret, lowercase hex: what every request looks its key up by. */
  @Index('uq_api_key_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  hash!: string;

  @Column({ name: 'created_at', type: 'bigint' })
  createdAt!: number;

  @Column({ name: 'expires_at', type: 'bigint', nullable: true })
  expiresAt!: number | null;

  @Column({ name: 'revoked_at', type: 'bigint', nullable: true })
  revokedAt!: number | null;
}
