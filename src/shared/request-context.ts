import type { Language } from './i18n';
import type { Viewer } from './viewer';

// The request context is a type every module uses and none owns. Its two open parts are
// filled by the modules: each declares, in its own `<module>.context.ts`, the services
// and loaders it adds (TypeScript declaration merging, as Fastify and Express type their
// decorations), so the type lives down here while the modules stay above it and nothing
// here names a module. `src/server/` makes the objects (`Services`, `Loaders`), and the
// compiler checks that they hold everything the modules declared.

/** The services of one request, around its database view; each module adds its own. */
export interface RequestServices {}

/** The DataLoaders of one request (batching and caching live for that request); each module adds its own. */
export interface RequestLoaders {
  /** Forgets everything loaded so far (a write changed it): later uses make fresh loaders. */
  forgetAll(): void;
}

/** Everything a resolver may use, made fresh for every request. */
export interface RequestContext {
  viewer: Viewer;
  /** The request's language (Accept-Language, else German); a field's `lang` wins over it. */
  lang: Language;
  services: RequestServices;
  loaders: RequestLoaders;
}
