import { v7 as uuidv7 } from 'uuid';
import type {
  ProtectedIdentity,
  ProtectedPerson,
  ProtectedPersonFields,
  RevealedPerson,
} from '../../shared/contract/channels/protected';
import { Failure } from '../ipc/failure';
import { recordEvent } from './case-history';
import { getCase, requireOpenCase } from './case-service';
import type { ServiceContext } from './context';

/**
 * Victims, witnesses and sources under a pseudonym, their real identity held apart (DOMAIN.md).
 * Only `revealPerson` returns an identity, and it records that it did (who and when, never what).
 * Allegations name victims by pseudonym (allegations.victims), so a pseudonym in use is renamed
 * there too, and a person still named there cannot be removed.
 */

interface PersonRow {
  id: string;
  case_id: string;
  pseudonym: string;
  role: ProtectedPerson['role'];
  full_name: string;
  other_names: string;
  contact: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

/** Allegations ("A-3") naming a pseudonym among their victims, in order. */
function namingAllegations(ctx: ServiceContext, caseId: string, pseudonym: string): { id: string; seq: number; victims: string }[] {
  return ctx.db
    .prepare(
      `SELECT a.id, a.seq, a.victims FROM allegations a
       WHERE a.case_id = ? AND json_valid(a.victims)
         AND EXISTS (SELECT 1 FROM json_each(a.victims) v WHERE json_extract(v.value, '$.pseudonym') = ?)
       ORDER BY a.seq`,
    )
    .all(caseId, pseudonym) as { id: string; seq: number; victims: string }[];
}

function toPerson(ctx: ServiceContext, row: PersonRow): ProtectedPerson {
  return {
    id: row.id,
    caseId: row.case_id,
    pseudonym: row.pseudonym,
    role: row.role,
    identityRecorded: [row.full_name, row.other_names, row.contact, row.notes].some((v) => v.trim() !== ''),
    allegations: namingAllegations(ctx, row.case_id, row.pseudonym).map((a) => `A-${a.seq}`),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function findRow(ctx: ServiceContext, id: string): PersonRow {
  const row = ctx.db.prepare('SELECT * FROM protected_persons WHERE id = ?').get(id) as PersonRow | undefined;
  if (!row) throw new Failure('NOT_FOUND', 'No protected person with this id exists in the workspace.');
  return row;
}

function refuseTaken(ctx: ServiceContext, caseId: string, pseudonym: string, exceptId: string | null): void {
  const other = ctx.db
    .prepare('SELECT id FROM protected_persons WHERE case_id = ? AND pseudonym = ? AND id IS NOT ?')
    .get(caseId, pseudonym, exceptId);
  if (other) {
    throw new Failure('VALIDATION_FAILED', 'Another protected person in this case already has this pseudonym.', {
      pseudonym: { code: 'duplicate' },
    });
  }
}

const identityColumns = (f: ProtectedIdentity) => ({
  full_name: f.fullName,
  other_names: f.otherNames,
  contact: f.contact,
  notes: f.notes,
});

const touchCase = (ctx: ServiceContext, caseId: string) =>
  ctx.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(ctx.now(), caseId);

/** Pseudonyms and roles of a case's protected persons, by pseudonym; never their identities. */
export function listPersons(ctx: ServiceContext, caseId: string): ProtectedPerson[] {
  getCase(ctx, caseId);
  const rows = ctx.db.prepare('SELECT * FROM protected_persons WHERE case_id = ? ORDER BY pseudonym, id').all(caseId) as PersonRow[];
  return rows.map((r) => toPerson(ctx, r));
}

/** One person's real identity; the case history records who viewed it and when (the pseudonym, never the identity). */
export function revealPerson(ctx: ServiceContext, id: string): RevealedPerson {
  return ctx.db
    .transaction(() => {
      const row = findRow(ctx, id);
      recordEvent(ctx, row.case_id, 'identity_viewed', { subject: row.pseudonym });
      return {
        ...toPerson(ctx, row),
        identity: { fullName: row.full_name, otherNames: row.other_names, contact: row.contact, notes: row.notes },
      };
    })
    .immediate();
}

export function createPerson(ctx: ServiceContext, input: ProtectedPersonFields & { caseId: string }): ProtectedPerson {
  const id = uuidv7();
  ctx.db
    .transaction(() => {
      requireOpenCase(ctx, input.caseId);
      refuseTaken(ctx, input.caseId, input.pseudonym, null);
      const now = ctx.now();
      ctx.db
        .prepare(
          `INSERT INTO protected_persons (id, case_id, pseudonym, role, full_name, other_names, contact, notes, created_at, updated_at)
           VALUES (@id, @case_id, @pseudonym, @role, @full_name, @other_names, @contact, @notes, @now, @now)`,
        )
        .run({ id, case_id: input.caseId, pseudonym: input.pseudonym, role: input.role, now, ...identityColumns(input) });
      touchCase(ctx, input.caseId);
      recordEvent(ctx, input.caseId, 'protected_person_added', { subject: input.pseudonym });
    })
    .immediate();
  return toPerson(ctx, findRow(ctx, id));
}

/** Saves a person's fields; a new pseudonym replaces the old one wherever an allegation names it. */
export function updatePerson(ctx: ServiceContext, input: ProtectedPersonFields & { id: string }): ProtectedPerson {
  ctx.db
    .transaction(() => {
      const row = findRow(ctx, input.id);
      requireOpenCase(ctx, row.case_id);
      refuseTaken(ctx, row.case_id, input.pseudonym, row.id);
      const now = ctx.now();
      ctx.db
        .prepare(
          `UPDATE protected_persons SET pseudonym = @pseudonym, role = @role, full_name = @full_name, other_names = @other_names,
             contact = @contact, notes = @notes, updated_at = @now
           WHERE id = @id`,
        )
        .run({ id: row.id, pseudonym: input.pseudonym, role: input.role, now, ...identityColumns(input) });
      if (input.pseudonym !== row.pseudonym) {
        const rename = ctx.db.prepare('UPDATE allegations SET victims = ?, updated_at = ? WHERE id = ?');
        for (const a of namingAllegations(ctx, row.case_id, row.pseudonym)) {
          const victims = (JSON.parse(a.victims) as { pseudonym: string }[]).map((v) =>
            v.pseudonym === row.pseudonym ? { ...v, pseudonym: input.pseudonym } : v,
          );
          rename.run(JSON.stringify(victims), now, a.id);
          recordEvent(ctx, row.case_id, 'allegation_updated', { subject: `A-${a.seq}` });
        }
      }
      touchCase(ctx, row.case_id);
      const subject = input.pseudonym === row.pseudonym ? row.pseudonym : `${row.pseudonym} → ${input.pseudonym}`;
      recordEvent(ctx, row.case_id, 'protected_person_updated', { subject });
    })
    .immediate();
  return toPerson(ctx, findRow(ctx, input.id));
}

/** Removes a person and their identity; refused while an allegation still names the pseudonym. */
export function deletePerson(ctx: ServiceContext, input: { id: string; reason?: string }): { id: string } {
  ctx.db
    .transaction(() => {
      const row = findRow(ctx, input.id);
      requireOpenCase(ctx, row.case_id);
      const naming = namingAllegations(ctx, row.case_id, row.pseudonym).map((a) => `A-${a.seq}`);
      if (naming.length) {
        throw new Failure(
          'PROTECTED_PERSON_IN_USE',
          `${row.pseudonym} is named as a victim in ${naming.join(', ')}. Remove the pseudonym there first; nothing was removed.`,
        );
      }
      ctx.db.prepare('DELETE FROM protected_persons WHERE id = ?').run(row.id);
      touchCase(ctx, row.case_id);
      recordEvent(ctx, row.case_id, 'protected_person_removed', { subject: row.pseudonym, reason: input.reason ?? null });
    })
    .immediate();
  return { id: input.id };
}
