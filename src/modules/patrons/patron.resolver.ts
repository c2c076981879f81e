import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Language, localize } from '../../shared/i18n';
import { LANG_ARG } from '../../shared/lang-arg';
import type { RequestContext } from '../../shared/request-context';
import { Ministry } from '../ministries';
import { Patron } from './patron.entity';

@Resolver(() => Patron)
export class PatronResolver {
  @Query(() => [Patron], { description: 'Every patron.' })
  patrons(@Ctx() ctx: RequestContext): Promise<Patron[]> {
    return ctx.services.patrons.all();
  }

  @FieldResolver(() => String, { nullable: true, description: 'Office held, e.g. Bundesministerin für Wirtschaft und Energie.' })
  office(@Root() p: Patron, @Arg('lang', () => Language, LANG_ARG) lang: Language | null, @Ctx() ctx: RequestContext): string | null {
    return localize(lang, ctx.lang, p.officeDe, p.officeFr, p.officeEn);
  }

  @FieldResolver(() => Ministry, { nullable: true, description: 'The ministry of the office.' })
  async ministry(@Root() p: Patron, @Ctx() ctx: RequestContext): Promise<Ministry | null> {
    if (p.ministryId === null) return null;
    const o = await ctx.loaders.organizerById.load(p.ministryId);
    return o instanceof Ministry ? o : null;
  }
}
