import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Organizer } from './organizer.entity';

/** A person to ask at an organiser (Ansprechpartner). */
@Entity('contact')
@Index('idx_contact_organizer', ['organizerId', 'position'])
@ObjectType('Contact', { description: 'A person to ask at an organiser (Ansprechpartner/-in).', simpleResolvers: true })
export class Contact {
  @PrimaryGeneratedColumn()
  id!: number;

  @ForeignKey(() => Organizer, { onDelete: 'CASCADE' })
  @Column({ name: 'organizer_id', type: 'integer' })
  organizerId!: number;

  /** Order within the organiser's contacts. */
  @Column({ type: 'integer', default: 0 })
  position!: number;

  @Column({ type: 'varchar', length: 200 })
  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Column({ name: 'role_de', type: 'varchar', length: 300, nullable: true })
  roleDe!: string | null;

  @Column({ name: 'role_fr', type: 'varchar', length: 300, nullable: true })
  roleFr!: string | null;

  @Column({ name: 'role_en', type: 'varchar', length: 300, nullable: true })
  roleEn!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: 'Phone number in E.164, e.g. +497111233030.' })
  phone!: string | null;
}
