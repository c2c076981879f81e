import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Language, localize } from '../../shared/i18n';
import { LANG_ARG } from '../../shared/lang-arg';
import type { RequestContext } from '../../shared/request-context';
import { Region } from './region.entity';

@Resolver(() => Region)
export class RegionResolver {
  @Directive('@cacheControl(maxAge: 3600)')
  @Query(() => [Region], { description: 'The children of a region; without parent, the countries DE, CH, FR (level 0).' })
  async regions(
    @Arg('parent', () => String, { nullable: true, description: 'NUTS code of the parent.' }) parent: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Region[]> {
    return parent == null ? ctx.services.regions.countries() : ctx.loaders.regionsByParent.load(parent.trim().toUpperCase());
  }

  @Directive('@cacheControl(maxAge: 3600)')
  @Query(() => Region, { nullable: true, description: 'A region by NUTS code; null when unknown.' })
  region(@Arg('code', () => String, { description: 'NUTS code, e.g. DE1.' }) code: string, @Ctx() ctx: RequestContext): Promise<Region | null> {
    return ctx.loaders.regionByCode.load(code.trim().toUpperCase());
  }

  @FieldResolver(() => String, { description: 'Name (Eurostat\'s; French where it differs).' })
  name(@Root() r: Region, @Arg('lang', () => Language, LANG_ARG) lang: Language | null, @Ctx() ctx: RequestContext): string {
    return localize(lang, ctx.lang, r.nameDe, r.nameFr, r.nameEn) as string;
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region one level up; null for a country.' })
  parent(@Root() r: Region, @Ctx() ctx: RequestContext): Promise<Region | null> | null {
    return r.parentCode === null ? null : ctx.loaders.regionByCode.load(r.parentCode);
  }

  @FieldResolver(() => [Region], { description: 'The regions one level down.' })
  children(@Root() r: Region, @Ctx() ctx: RequestContext): Promise<Region[]> {
    return ctx.loaders.regionsByParent.load(r.code);
  }
}
