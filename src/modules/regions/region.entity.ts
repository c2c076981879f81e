import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A NUTS region (or a country at level 0): the statistical regions of the EU and Switzerland. */
@Entity('region')
// NUTS regions change with a new NUTS edition, i.e. a migration: a CDN may keep them an hour.
@Directive('@cacheControl(maxAge: 3600)')
@ObjectType('Region', {
  description: 'A NUTS region (Region): a country (level 0) or a NUTS level 1–3 region. A code\'s prefix is its parent.',
  simpleResolvers: true,
})
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  @Field(() => String, { description: 'NUTS code, e.g. DE1 (Baden-Württemberg), DE139 (Lörrach), CH031, FRF12.' })
  code!: string;

  @Index('idx_region_parent')
  @ForeignKey(() => Region, { onDelete: 'RESTRICT' })
  @Column({ name: 'parent_code', type: 'varchar', length: 8, nullable: true })
  parentCode!: string | null;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: '0 for a country, then the NUTS level 1–3.' })
  level!: number;

  @Column({ type: 'varchar', length: 2 })
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code: DE, CH or FR.' })
  country!: string;

  @Column({ name: 'name_de', type: 'varchar', length: 200 })
  nameDe!: string;

  @Column({ name: 'name_fr', type: 'varchar', length: 200, nullable: true })
  nameFr!: string | null;

  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true })
  nameEn!: string | null;
}

/** True for a well-formed NUTS code or country: two letters, then up to three letters or digits. */
export function isNutsCode(code: string): boolean {
  return /^[A-Z]{2}[A-Z0-9]{0,3}$/.test(code);
}
