import type { ChannelInput, ProtectedRole, RevealedPerson } from '../../../../shared/contract';

export type PersonInput = Omit<ChannelInput<'protected.create'>, 'caseId'>;

export interface PersonFormValues {
  pseudonym: string;
  role: ProtectedRole;
  fullName: string;
  otherNames: string;
  contact: string;
  notes: string;
}

export const emptyPersonValues = (pseudonym = ''): PersonFormValues => ({
  pseudonym,
  role: 'victim',
  fullName: '',
  otherNames: '',
  contact: '',
  notes: '',
});

export const personValues = (p: RevealedPerson): PersonFormValues => ({ pseudonym: p.pseudonym, role: p.role, ...p.identity });

const SHOWN = new Set(['pseudonym', 'role', 'fullName', 'otherNames', 'contact', 'notes']);
/** The server's field paths that have an input in the form. */
export const isPersonFormPath = (path: string) => SHOWN.has(path);
