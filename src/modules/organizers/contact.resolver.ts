import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Language, localize } from '../../shared/i18n';
import { LANG_ARG } from '../../shared/lang-arg';
import type { RequestContext } from '../../shared/request-context';
import { Contact } from './contact.entity';

@Resolver(() => Contact)
export class ContactResolver {
  @FieldResolver(() => String, { nullable: true, description: 'What the person does there.' })
  role(@Root() c: Contact, @Arg('lang', () => Language, LANG_ARG) lang: Language | null, @Ctx() ctx: RequestContext): string | null {
    return localize(lang, ctx.lang, c.roleDe, c.roleFr, c.roleEn);
  }
}
