import { Field, ID, InputType, Int } from 'type-graphql';
import { JSONScalar } from '../../shared/scalars';
import { SourceFormat } from './source.types';

/** The fields a source is registered with; SourceInput requires some, SourcePatch none. */
export interface SourceFieldsInput {
  name?: string | null;
  url?: string | null;
  format?: SourceFormat | null;
  mapping?: unknown;
  ownerId?: string | null;
  trusted?: boolean | null;
  intervalMinutes?: number | null;
}

@InputType('SourceInput', { description: 'A new source for createSource.' })
export class SourceInput implements SourceFieldsInput {
  @Field(() => String, { description: 'Unique name: letters, digits, ".", "_" and "-", up to 100 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Where sync pulls it from, an absolute http(s) URL; null for a source only imported from files.' })
  url?: string | null;

  @Field(() => SourceFormat, { description: 'What it serves.' })
  format!: SourceFormat;

  @Field(() => JSONScalar, { nullable: true, description: 'Per-source settings: categories, defaultCategory, columns, delimiter, encoding, timeZone, defaultCountry, language.' })
  mapping?: unknown;

  @Field(() => ID, { nullable: true, description: 'Global id of the organiser that owns it: every event it imports gets this organiser.' })
  ownerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Publish its events at once (default false: SUBMITTED for review).' })
  trusted?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Minutes between two pulls by sync, 5–10080 (default 60).' })
  intervalMinutes?: number | null;
}

@InputType('SourcePatch', { description: 'Changes for updateSource: a field left out stays as it is.' })
export class SourcePatch implements SourceFieldsInput {
  @Field(() => String, { nullable: true, description: 'New unique name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New URL; null removes it (the source is then only imported from files).' })
  url?: string | null;

  @Field(() => SourceFormat, { nullable: true, description: 'New format.' })
  format?: SourceFormat | null;

  @Field(() => JSONScalar, { nullable: true, description: 'New settings (the whole object); null sets none.' })
  mapping?: unknown;

  @Field(() => ID, { nullable: true, description: 'New owning organiser; null removes it.' })
  ownerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'New trust.' })
  trusted?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'New interval in minutes, 5–10080.' })
  intervalMinutes?: number | null;
}
