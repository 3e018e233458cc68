import { afterAll, describe, expect, it } from 'vitest';
import { createPerson, revealPerson } from '../services/protected-identity-service';
import { evidenceContext } from '../test-support/evidence-context';
import { previewProposal, type DocumentDeps } from './document-service';
import { documentFonts } from './fonts/font-library';
import { playwrightPrinter } from './playwright-printer';
import { buildProposalCase } from './proposal-fixture';

/**
 * DOMAIN.md: protected identities are never printed in proposals. A proposal only ever sees
 * pseudonyms; the real identities recorded apart (main/services/protected-identity-service) must
 * appear nowhere in its HTML, in either language, for either measure, even after being revealed.
 */
const fonts = documentFonts();
const printer = playwrightPrinter({ fontFile: (url) => fonts.filePath(url) });
const deps: DocumentDeps = { fonts, printer, matrix: () => null, creator: 'Casebench test' };
afterAll(() => printer.close());

const WITNESS = { fullName: 'Gulnar Yusup', otherNames: 'グリナル・ユスプ\nGülnar Yüsüp', contact: '+7 700 555 0199 (Almaty)', notes: 'Her brother is still detained in Aksu.' };
const VICTIM = { fullName: '阿依古丽·吐尔逊', otherNames: 'Ayguli Tuerxun', contact: 'Signal: ay-1203', notes: 'Released 2019.' };

describe('proposals and protected persons', () => {
  it('name them by pseudonym where the case does, and never print a real identity', async () => {
    const ctx = evidenceContext();
    const pc = await buildProposalCase(ctx);
    const w1 = createPerson(ctx, { caseId: pc.caseId, pseudonym: 'W-01', role: 'witness', ...WITNESS });
    createPerson(ctx, { caseId: pc.caseId, pseudonym: 'W-02', role: 'victim', ...VICTIM });
    revealPerson(ctx, w1.id); // an investigator looked: still nothing of it may reach a document

    const secrets = [...Object.values(WITNESS), ...Object.values(VICTIM)].flatMap((v) => v.split('\n'));
    for (const measure of ['asset_freeze', 'travel_ban'] as const) {
      for (const language of ['bilingual', 'ja', 'en'] as const) {
        const { html } = previewProposal(ctx, { caseId: pc.caseId, measure, subjectIds: pc.subjects.map((s) => s.id), language }, deps);
        for (const secret of secrets) expect(html, `${measure} ${language}: ${secret}`).not.toContain(secret);
        // The witness statement is listed under its title, which names her by pseudonym.
        expect(html, `${measure} ${language}`).toContain('Statement of witness W-01');
      }
    }
  });
});
