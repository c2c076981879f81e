import type { AuditService } from './audit.service';

// What the audit module adds to every request's context (see src/shared/request-context.ts).
declare module '../../shared/request-context' {
  interface RequestServices {
    audit: AuditService;
  }
}
