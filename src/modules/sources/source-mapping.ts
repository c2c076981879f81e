import { z } from 'zod';
import { EventCategory } from '../events';
import { Language } from '../../shared/i18n';
import type { SourceMapping } from './imported-event';

const category = z.enum(Object.values(EventCategory) as [EventCategory, ...EventCategory[]]);

/** The shape of SourceMapping, checked: unknown keys are refused (a typo would otherwise do nothing silently). */
const MAPPING = z.object({
  categories: z.record(z.string().min(1).max(200), category).optional(),
  defaultCategory: category.optional(),
  columns: z.record(z.string().min(1).max(60), z.string().min(1).max(200)).optional(),
  delimiter: z.enum([';', ',', '\t']).optional(),
  encoding: z.enum(['utf-8', 'utf8', 'windows-1252', 'cp1252', 'latin1', 'iso-8859-1']).optional(),
  timeZone: z.string().min(1).max(64).refine(isZone, 'is not an IANA time zone such as Europe/Berlin').optional(),
  defaultCountry: z.string().regex(/^[A-Z]{2}$/, 'is an ISO 3166-1 alpha-2 code such as DE').optional(),
  language: z.enum(Object.values(Language) as [Language, ...Language[]]).optional(),
}).strict();

function isZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A source mapping from JSON-ish input, or the problem: `{ path, message }` naming the key at fault. */
export function checkMapping(value: unknown): { mapping: SourceMapping } | { path: string; message: string } {
  if (value === null || value === undefined) return { mapping: {} };
  const parsed = MAPPING.safeParse(value);
  if (parsed.success) return { mapping: parsed.data as SourceMapping };
  const issue = parsed.error.issues[0];
  const path = issue.path.map(String).join('.');
  return { path, message: `mapping${path ? `.${path}` : ''}: ${issue.message}` };
}
