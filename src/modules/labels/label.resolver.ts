import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Language } from '../../shared/i18n';
import { LANG_ARG } from '../../shared/lang-arg';
import {
  CATEGORY_LABELS, DIMENSION_LABELS, GOVERNMENT_LEVEL_LABELS, LANGUAGE_LABELS, NETWORK_SCOPE_LABELS,
  ORDER_LABELS, ORGANIZER_KIND_LABELS, STATUS_LABELS, labelList,
} from './label-texts';
import type { RequestContext } from '../../shared/request-context';
import {
  EventCategory, EventOrder, EventStatus, EventDimension, EventStatsRow, Event, EventCategoryGroup,
} from '../events';
import { GovernmentLevel, Ministry } from '../ministries';
import { Network, NetworkScope } from '../networks';
import { Organizer, TYPE_OF_KIND, type OrganizerKind } from '../organizers';
import { Labels } from './label.types';

// Every label is a lookup in src/modules/labels/label-texts.ts: no statement, no loader, and a field
// costs 1 like any other scalar text (title, name).

const ORGANIZER_KINDS = Object.keys(TYPE_OF_KIND) as OrganizerKind[];

@Resolver(() => Labels)
export class LabelsResolver {
  @Directive('@cacheControl(maxAge: 3600)')
  @Query(() => Labels, { description: 'What people read for every enum value (categories, statuses, …) in one language: for dropdowns, filters and legends.' })
  labels(@Arg('lang', () => Language, LANG_ARG) lang: Language | null, @Ctx() ctx: RequestContext): Labels {
    const l = lang ?? ctx.lang;
    return {
      categories: labelList(Object.values(EventCategory), CATEGORY_LABELS, l),
      statuses: labelList(Object.values(EventStatus), STATUS_LABELS, l),
      dimensions: labelList(Object.values(EventDimension), DIMENSION_LABELS, l),
      orders: labelList(Object.values(EventOrder), ORDER_LABELS, l),
      languages: labelList(Object.values(Language), LANGUAGE_LABELS, l),
      governmentLevels: labelList(Object.values(GovernmentLevel), GOVERNMENT_LEVEL_LABELS, l),
      networkScopes: labelList(Object.values(NetworkScope), NETWORK_SCOPE_LABELS, l),
      organizerTypes: labelList(ORGANIZER_KINDS, ORGANIZER_KIND_LABELS, l).map(({ value, label }) => ({ value: TYPE_OF_KIND[value], label })),
    };
  }
}

@Resolver(() => Event)
export class EventLabelResolver {
  @FieldResolver(() => String, { description: 'The category as people read it, e.g. "Salon professionnel" for TRADE_FAIR in French.' })
  categoryLabel(@Root() e: Event, @Arg('lang', () => Language, LANG_ARG) lang: Language | null, @Ctx() ctx: RequestContext): string {
    return CATEGORY_LABELS[e.category][lang ?? ctx.lang];
  }

  @FieldResolver(() => String, { description: 'The status as people read it, e.g. "Abgesagt" for CANCELLED in German.' })
  statusLabel(@Root() e: Event, @Arg('lang', () => Language, LANG_ARG) lang: Language | null, @Ctx() ctx: RequestContext): string {
    return STATUS_LABELS[e.status][lang ?? ctx.lang];
  }
}

@Resolver(() => EventStatsRow)
export class EventStatsRowLabelResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The group\'s category as people read it (when grouped by CATEGORY).' })
  categoryLabel(@Root() row: EventStatsRow, @Arg('lang', () => Language, LANG_ARG) lang: Language | null, @Ctx() ctx: RequestContext): string | null {
    return row.category === null ? null : CATEGORY_LABELS[row.category][lang ?? ctx.lang];
  }
}

@Resolver(() => EventCategoryGroup)
export class EventCategoryGroupLabelResolver {
  @FieldResolver(() => String, { description: 'The category as people read it.' })
  categoryLabel(@Root() group: EventCategoryGroup, @Arg('lang', () => Language, LANG_ARG) lang: Language | null, @Ctx() ctx: RequestContext): string {
    return CATEGORY_LABELS[group.category][lang ?? ctx.lang];
  }
}

@Resolver(() => Ministry)
export class MinistryLabelResolver {
  @FieldResolver(() => String, { description: 'The level as people read it, e.g. "Bund".' })
  levelLabel(@Root() m: Ministry, @Arg('lang', () => Language, LANG_ARG) lang: Language | null, @Ctx() ctx: RequestContext): string {
    return GOVERNMENT_LEVEL_LABELS[m.level][lang ?? ctx.lang];
  }
}

@Resolver(() => Network)
export class NetworkLabelResolver {
  @FieldResolver(() => String, { description: 'The scope as people read it, e.g. "Grenzüberschreitend".' })
  scopeLabel(@Root() n: Network, @Arg('lang', () => Language, LANG_ARG) lang: Language | null, @Ctx() ctx: RequestContext): string {
    return NETWORK_SCOPE_LABELS[n.scope][lang ?? ctx.lang];
  }
}

@Resolver(() => Organizer)
export class OrganizerLabelResolver {
  @FieldResolver(() => String, { description: 'The kind of organiser as people read it: "Ministerium", "Clusterinitiative", "Netzwerk".' })
  kindLabel(@Root() o: Organizer, @Arg('lang', () => Language, LANG_ARG) lang: Language | null, @Ctx() ctx: RequestContext): string {
    return ORGANIZER_KIND_LABELS[o.kind][lang ?? ctx.lang];
  }
}
