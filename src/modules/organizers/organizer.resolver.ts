import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Language, localize } from '../../shared/i18n';
import { LANG_ARG } from '../../shared/lang-arg';
import type { RequestContext } from '../../shared/request-context';
import { Region } from '../regions';
import { Organizer } from './organizer.entity';

/** Fields every kind of organiser has; they resolve the same way for each. */
@Resolver(() => Organizer)
export class OrganizerResolver {
  @FieldResolver(() => String, { description: 'Name.' })
  name(@Root() o: Organizer, @Arg('lang', () => Language, LANG_ARG) lang: Language | null, @Ctx() ctx: RequestContext): string {
    return localize(lang, ctx.lang, o.nameDe, o.nameFr, o.nameEn) as string;
  }

  @FieldResolver(() => Region, { nullable: true, description: 'Region of its seat.' })
  region(@Root() o: Organizer, @Ctx() ctx: RequestContext): Promise<Region | null> | null {
    return o.regionCode === null ? null : ctx.loaders.regionByCode.load(o.regionCode);
  }
}
