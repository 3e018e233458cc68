import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { Failure } from '../../ipc/failure';

/**
 * zxcvbn (the maintained TypeScript port) rather than length-and-symbol rules: it scores what an
 * attacker's guesser would try first (common passwords, keyboard rows, dates, repeats). Only the
 * language-neutral dictionaries: feedback comes back as keys, which the UI translates (en, ja).
 */
let factory: ZxcvbnFactory | null = null;
const zxcvbn = () => (factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

/** 3 of 4: "safely unguessable" for an offline attack on a slow hash, in zxcvbn's terms. */
export const MIN_SCORE = 3;
/** zxcvbn's time grows with the length; nobody types a longer passphrase. */
const SCORED_LENGTH = 256;

/** Words that make a passphrase guessable here in particular. */
const CONTEXT_WORDS = ['casebench', 'workspace', 'sanctions', 'passphrase'];

export interface PassphraseStrength {
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  /** zxcvbn feedback keys (translationKeys.warnings / .suggestions), translated by the UI. */
  warning: string | null;
  suggestions: string[];
}

export function passphraseStrength(passphrase: string, userInputs: string[] = CONTEXT_WORDS): PassphraseStrength {
  if (passphrase.length === 0) return { score: 0, acceptable: false, warning: null, suggestions: [] };
  const result = zxcvbn().check(passphrase.slice(0, SCORED_LENGTH), userInputs);
  return {
    score: result.score,
    acceptable: result.score >= MIN_SCORE,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}

/** Refuses a weak passphrase with the reason, before any key is made with it. */
export function assertStrongPassphrase(passphrase: string, userInputs: string[] = CONTEXT_WORDS): void {
  const strength = passphraseStrength(passphrase, userInputs);
  if (!strength.acceptable) {
    throw new Failure(
      'WORKSPACE_PASSPHRASE_WEAK',
      'This passphrase would be easy to guess. Use a longer one: several unrelated words work well.',
    );
  }
}
