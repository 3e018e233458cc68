import { createContext, useContext } from 'react';

/** What the editor needs from its surroundings: whose evidence and subjects to offer, and where a reference leads. */
export interface RichTextEnv {
  caseId: string;
  openExhibit(itemId: string): void;
  openSubject(subjectId: string): void;
}

export const RichTextEnvContext = createContext<RichTextEnv | null>(null);

export function useRichTextEnv(): RichTextEnv {
  const env = useContext(RichTextEnvContext);
  if (!env) throw new Error('A rich-text editor needs a RichTextEnvContext provider.');
  return env;
}
