import type { SourceService, createSourceLoaders } from './source.service';
import type { SourceWriteService } from './source-write.service';

type SourceLoaders = ReturnType<typeof createSourceLoaders>;

// What the sources module adds to every request's context (see src/shared/request-context.ts).
declare module '../../shared/request-context' {
  interface RequestServices {
    sources: SourceService;
    sourceWrites: SourceWriteService;
  }
  interface RequestLoaders extends SourceLoaders {}
}
