import type { TFunction } from 'i18next';
import { describePlace, type LIST_PLACE_EN, type ListFileProblem, type ListNote, type ListPlace, type ListProblem } from '../../../../shared/domain/list-notes';
import { withValues } from '../../i18n/values';

type Key = `lists.notes.${ListNote['code']}` | `lists.place.${keyof typeof LIST_PLACE_EN}`;

/** Where in a list file, in the UI language ("sdn.csv、12 行目、ent_num 36"). */
export const placeWords = (t: TFunction, place: ListPlace): string => describePlace(place, (part, values) => withValues<Key>(t)(`lists.place.${part}`, values));

/** What a list reader said, in the UI language. */
export const noteWords = (t: TFunction, note: ListNote): string => withValues<Key>(t)(`lists.notes.${note.code}`, note.values ?? {});

/** A note with where it applies, when it applies somewhere. */
export const problemWords = (t: TFunction, problem: ListProblem): string =>
  problem.at ? t('lists.problem', { at: placeWords(t, problem.at), note: noteWords(t, problem.note) }) : noteWords(t, problem.note);

/** Why a file of an import cannot be read, naming the file. */
export const fileProblemWords = (t: TFunction, problem: ListFileProblem): string => t('lists.fileProblem', { file: problem.file, problem: problemWords(t, problem) });
