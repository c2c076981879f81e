import type { EventService } from './event.service';
import type { EventStatsService } from './event-stats.service';
import type { EventExportService } from './event-export.service';
import type { EventWriteService } from './event-write.service';
import type { createEventLoaders } from './event.loaders';

type EventLoaders = ReturnType<typeof createEventLoaders>;

// What the events module adds to every request's context (see src/shared/request-context.ts).
declare module '../../shared/request-context' {
  interface RequestServices {
    events: EventService;
    eventStats: EventStatsService;
    eventExport: EventExportService;
    eventWrites: EventWriteService;
  }
  interface RequestLoaders extends EventLoaders {}
}
