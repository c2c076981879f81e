import {
  CANCEL, KEY_NAMES, PUBLISH, REJECT, SUBMIT, UPDATE, call, dataOf, eventInput, expectRefused, startMutationServer,
  type MutationServer,
} from '../events/mutations-kit';

let m: MutationServer;

beforeAll(async () => {
  m = await startMutationServer();
});

afterAll(async () => {
  await m?.close();
});

const AUDIT_LOG = `query Log($entityId: ID, $first: Int, $after: String) {
  auditLog(entityId: $entityId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { at actor action entityId changes } }
    nodes { at actor action entityId changes }
  }
}`;

async function log(vars: { entityId?: string; first?: number; after?: string | null } = {}) {
  return dataOf(await call(m, 'admin', AUDIT_LOG, vars)).auditLog;
}

describe('the audit trail of an event', () => {
  let id: string;
  let steps: any[];

  beforeAll(async () => {
    const submitted = dataOf(await call(m, 'editor', SUBMIT, { input: eventInput([m.world.alpha], { url: null }) })).submitEvent;
    id = submitted.id;
    const rejected = dataOf(await call(m, 'moderator', REJECT, { id, reason: 'Bitte die Uhrzeit prüfen.' })).rejectEvent;
    const updated = dataOf(await call(m, 'editor', UPDATE, {
      id, patch: { startsAt: '2027-04-21T10:00:00+02:00', title: { de: 'Fachtagung Leichtbau', fr: 'Colloque construction légère' } }, expectedVersion: 2,
    })).updateEvent;
    const published = dataOf(await call(m, 'admin', PUBLISH, { id })).publishEvent;
    const cancelled = dataOf(await call(m, 'editor', CANCEL, { id })).cancelEvent;
    steps = [submitted, rejected, updated, published, cancelled];
  });

  it('holds one entry per accepted change, newest first, with who, when and which mutation', async () => {
    const page = await log({ entityId: id });
    expect(page.totalCount).toBe(5);
    expect(page.nodes.map((n: any) => [n.action, n.actor, n.entityId])).toEqual([
      ['cancelEvent', KEY_NAMES.editor, id],
      ['publishEvent', KEY_NAMES.admin, id],
      ['updateEvent', KEY_NAMES.editor, id],
      ['rejectEvent', KEY_NAMES.moderator, id],
      ['submitEvent', KEY_NAMES.editor, id],
    ]);
    expect(page.nodes.map((n: any) => n.at)).toEqual([...steps].reverse().map((s) => s.updatedAt));
    for (const n of page.nodes) expect(n.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
  });

  it('records every field a submission set, with null as the old value, and none it left empty', async () => {
    const [submission] = (await log({ entityId: id })).nodes.slice(-1);
    expect(submission.changes).toMatchObject({
      title: { old: null, new: { de: 'Fachtagung Leichtbau', fr: 'Conférence construction légère', en: null } },
      status: { old: null, new: 'SUBMITTED' },
      category: { old: null, new: 'CONFERENCE' },
      startsAt: { old: null, new: '2027-04-21T09:30:00+02:00' },
      region: { old: null, new: 'DE111' },
      organizerIds: { old: null, new: [m.world.alpha] },
      languages: { old: null, new: ['DE'] },
    });
    for (const empty of ['url', 'campaign', 'statusReason', 'patronIds']) expect(submission.changes).not.toHaveProperty(empty);
  });

  it('records only the changed fields of an update, with their old and new values', async () => {
    const update = (await log({ entityId: id })).nodes[2];
    expect(update.changes).toEqual({
      startsAt: { old: '2027-04-21T09:30:00+02:00', new: '2027-04-21T10:00:00+02:00' },
      title: {
        old: { de: 'Fachtagung Leichtbau', fr: 'Conférence construction légère', en: null },
        new: { de: 'Fachtagung Leichtbau', fr: 'Colloque construction légère', en: null },
      },
      status: { old: 'REJECTED', new: 'SUBMITTED' },
      statusReason: { old: 'Bitte die Uhrzeit prüfen.', new: null },
    });
  });

  it('records status moves with their reason', async () => {
    const [cancel, publish, , reject] = (await log({ entityId: id })).nodes;
    expect(reject.changes).toEqual({ status: { old: 'SUBMITTED', new: 'REJECTED' }, statusReason: { old: null, new: 'Bitte die Uhrzeit prüfen.' } });
    expect(publish.changes).toEqual({ status: { old: 'SUBMITTED', new: 'PUBLISHED' } });
    expect(cancel.changes).toEqual({ status: { old: 'PUBLISHED', new: 'CANCELLED' } });
  });

  it('keeps no entry for a refused change', async () => {
    expectRefused(await call(m, 'moderator', PUBLISH, { id }), 'CONFLICT');
    expectRefused(await call(m, 'editor', UPDATE, { id, patch: { title: { de: 'Nach der Absage' } } }), 'CONFLICT');
    expect((await log({ entityId: id })).totalCount).toBe(5);
  });
});

describe('auditLog', () => {
  beforeAll(async () => {
    for (let i = 0; i < 7; i += 1) {
      await call(m, 'admin', SUBMIT, { input: eventInput([m.world.gamma], { title: { de: `Seite ${i}` } }) });
    }
  });

  it('lists every object\'s entries without entityId, and pages through them with cursors, never skipping or repeating', async () => {
    const all = await log({ first: 100 });
    expect(all.totalCount).toBe(all.nodes.length);
    expect(all.nodes.length).toBeGreaterThanOrEqual(12);
    const walked: any[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const page: any = await log({ first: 3, after });
      expect(page.totalCount).toBe(all.totalCount);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.edges.map((e: any) => e.node)).toEqual(page.nodes);
      walked.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(all.nodes);
    const times = walked.map((n) => Date.parse(n.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('is empty for an object without changes', async () => {
    expect(await log({ entityId: m.world.alpha })).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('refuses a cursor that is not one of its own, and a page over 100, with BAD_USER_INPUT', async () => {
    const events = dataOf(await call(m, 'admin', '{ events(first: 1) { pageInfo { endCursor } } }', {}));
    expectRefused(await call(m, 'admin', AUDIT_LOG, { after: events.events.pageInfo.endCursor }), 'BAD_USER_INPUT', 'after');
    expectRefused(await call(m, 'admin', AUDIT_LOG, { after: 'kaputt' }), 'BAD_USER_INPUT', 'after');
    expectRefused(await call(m, 'admin', AUDIT_LOG, { first: 101 }), 'BAD_USER_INPUT', 'first');
  });

  it.each(['public', 'partner', 'editor', 'moderator'] as const)('is FORBIDDEN for the %s role', async (who) => {
    expectRefused(await call(m, who, AUDIT_LOG, {}), 'FORBIDDEN');
  });
});
