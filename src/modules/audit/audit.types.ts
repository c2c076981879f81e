import { connectionTypes } from '../../shared/connection';
import { AuditEntry } from './audit-entry.entity';

const auditConnection = connectionTypes('AuditEntry', AuditEntry, 'An audit entry');

export const AuditEntryEdge = auditConnection.EdgeType;
export const AuditEntryConnection = auditConnection.ConnectionType;
export type AuditEntryConnection = InstanceType<typeof AuditEntryConnection>;
