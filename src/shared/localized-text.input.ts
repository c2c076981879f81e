import { Field, InputType } from 'type-graphql';

// A generic input every module's mutations take (names, offices, titles), so it lives here
// rather than in the module that happened to define it first.

@InputType('LocalizedTextInput', { description: 'A text in our languages; German is required, the others fall back to it.' })
export class LocalizedTextInput {
  @Field(() => String, { description: 'German (required, not empty).' })
  de!: string;

  @Field(() => String, { nullable: true, description: 'French.' })
  fr?: string | null;

  @Field(() => String, { nullable: true, description: 'English.' })
  en?: string | null;
}
