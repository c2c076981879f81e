import { Directive, Field, ObjectType } from 'type-graphql';
import { Language } from '../../shared/i18n';
import { EventCategory, EventOrder, EventStatus, EventDimension } from '../events';
import { GovernmentLevel } from '../ministries';
import { NetworkScope } from '../networks';

/**
 * One object type per enum, all with the same two fields: `value` keeps the enum's own type
 * (so GraphQL Code Generator types a dropdown's choice as `EventCategory`, ready for
 * `filter.categories`), and the same shape lets one front-end component render any of them.
 * Labels change only with a release, hence the hour of caching, as for regions.
 */
function labelType<V extends object>(name: string, enumType: V, what: string) {
  @Directive('@cacheControl(maxAge: 3600)')
  @ObjectType(name, { description: `${what} with its label in the asked language.`, simpleResolvers: true })
  class EnumLabel {
    @Field(() => enumType, { description: 'The enum value, as filters and inputs take it.' })
    value!: V[keyof V];

    @Field(() => String, { description: 'What people read for it, e.g. in a dropdown.' })
    label!: string;
  }
  return EnumLabel;
}

export const CategoryLabel = labelType('CategoryLabel', EventCategory, 'An event category');
export const StatusLabel = labelType('StatusLabel', EventStatus, 'An event status');
export const DimensionLabel = labelType('DimensionLabel', EventDimension, 'A dimension of eventStats');
export const OrderLabel = labelType('OrderLabel', EventOrder, 'An order of event lists');
export const LanguageLabel = labelType('LanguageLabel', Language, 'A language');
export const GovernmentLevelLabel = labelType('GovernmentLevelLabel', GovernmentLevel, 'A ministry\'s level');
export const NetworkScopeLabel = labelType('NetworkScopeLabel', NetworkScope, 'A network\'s scope');

@Directive('@cacheControl(maxAge: 3600)')
@ObjectType('OrganizerTypeLabel', { description: 'A kind of organiser with its label in the asked language.', simpleResolvers: true })
export class OrganizerTypeLabel {
  @Field(() => String, { description: 'The GraphQL type of this kind of organiser, as `__typename` gives it: Ministry, Initiative or Network.' })
  value!: string;

  @Field(() => String, { description: 'What people read for it.' })
  label!: string;
}

type Item<V> = { value: V; label: string };

/** Every enum's labels in one language, for the dropdowns and legends a front-end builds. */
@Directive('@cacheControl(maxAge: 3600)')
@ObjectType('Labels', {
  description: 'What people read for each enum value, in one language, in the enum\'s order. The same words the feeds and the /stats page use.',
  simpleResolvers: true,
})
export class Labels {
  @Field(() => [CategoryLabel], { description: 'Event categories (filter.categories).' })
  categories!: Item<EventCategory>[];

  @Field(() => [StatusLabel], { description: 'Event statuses (filter.statuses).' })
  statuses!: Item<EventStatus>[];

  @Field(() => [DimensionLabel], { description: 'eventStats dimensions (groupBy).' })
  dimensions!: Item<EventDimension>[];

  @Field(() => [OrderLabel], { description: 'Orders of event lists (orderBy).' })
  orders!: Item<EventOrder>[];

  @Field(() => [LanguageLabel], { description: 'Languages events are held in (filter.language).' })
  languages!: Item<Language>[];

  @Field(() => [GovernmentLevelLabel], { description: 'Ministries\' levels (Ministry.level).' })
  governmentLevels!: Item<GovernmentLevel>[];

  @Field(() => [NetworkScopeLabel], { description: 'Networks\' scopes (Network.scope).' })
  networkScopes!: Item<NetworkScope>[];

  @Field(() => [OrganizerTypeLabel], { description: 'Kinds of organiser, keyed by __typename.' })
  organizerTypes!: Item<string>[];
}
