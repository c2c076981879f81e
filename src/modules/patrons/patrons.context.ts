import type { PatronService } from './patron.service';
import type { PatronWriteService } from './patron-write.service';
import type { createPatronLoaders } from './patron.loaders';

type PatronLoaders = ReturnType<typeof createPatronLoaders>;

// What the patrons module adds to every request's context (see src/shared/request-context.ts).
declare module '../../shared/request-context' {
  interface RequestServices {
    patrons: PatronService;
    patronWrites: PatronWriteService;
  }
  interface RequestLoaders extends PatronLoaders {}
}
