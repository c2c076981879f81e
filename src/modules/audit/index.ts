/** What the audit module offers the rest of the application; its other files are its own. */
export { changesBetween } from './audit-changes';
export type { AuditSnapshot } from './audit-changes';
export { AuditEntry } from './audit-entry.entity';
export { AuditResolver } from './audit.resolver';
export { AuditService } from './audit.service';
