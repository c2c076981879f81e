import 'reflect-metadata';
import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import { buildGatewaySchema } from '../../src/server/schema';
import { Event } from '../../src/modules/events/event.entity';
import { Language } from '../../src/shared/i18n';
import { Source } from '../../src/modules/sources/source.types';

describe('field resolvers called directly', () => {
  const schema = buildGatewaySchema();
  const fields = (type: string) => {
    const t = schema.getType(type);
    if (!isObjectType(t)) throw new Error(`${type} is not an object type`);
    return t.getFields();
  };
  const ctx = { lang: Language.DE } as never;
  const info = {} as GraphQLResolveInfo;

  it('answer a field with a language argument at once, not as a promise', () => {
    const event = Object.assign(new Event(), { titleDe: 'Titel', titleFr: 'Titre', titleEn: null });
    const title = fields('Event').title.resolve!;
    expect(title(event, { lang: Language.FR }, ctx, info)).toBe('Titre');
    expect(title(event, { lang: null }, ctx, info)).toBe('Titel');
  });

  it('hand a root that is not the resolver class\'s instance to type-graphql, which converts it', async () => {
    const plain = { titleDe: 'Titel', titleFr: null, titleEn: 'Title' };
    const title = fields('Event').title.resolve!;
    expect(await title(plain, { lang: Language.EN }, ctx, info)).toBe('Title');
  });

  it('leave fields with @Authorized to type-graphql, which checks the role first', async () => {
    const mapping = fields('Source').mapping.resolve!;
    const publicCtx = { lang: Language.DE, viewer: { role: 'PUBLIC', keyId: null, organizerId: null } } as never;
    await expect(Promise.resolve().then(() => mapping(Object.assign(new Source(), { mapping: { a: 1 } }), {}, publicCtx, info))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});
