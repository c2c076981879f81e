import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Small facts about this database, e.g. when the demo data was loaded. */
@Entity('app_meta')
export class AppMeta {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'text' })
  value!: string;
}
