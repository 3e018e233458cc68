import { createHeadlessEditor } from '@lexical/headless';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createTableNodeWithDimensions, type TableCellNode, type TableRowNode } from '@lexical/table';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, type ElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { SubjectFieldsSchema } from '../../shared/contract/channels/subjects';
import { $createExhibitReferenceNode, $createSubjectMentionNode } from '../../shared/richtext/nodes';
import { checkRichText, RICH_TEXT_NODE_TYPES } from '../../shared/richtext/validate';
import { createAllegation } from '../services/allegation-service';
import { createTestimony } from '../services/evidence-service';
import { listFindings, saveFinding } from '../services/findings-service';
import { createSubject, updateSubject } from '../services/subject-service';
import { evidenceContext } from '../test-support/evidence-context';
import { richTextContext, type RichTextContext } from './context';
import { RICH_TEXT_NODES, richTextsToHtml, richTextToHtml } from './html';
import { richTextToText } from './text';

/** A document written by Lexical itself (the editor's own node classes), citing `itemId` and mentioning `subjectId`. */
function writeDocument(itemId: string, exhibit: string, subjectId: string, name: string): unknown {
  const editor = createHeadlessEditor({ nodes: [...RICH_TEXT_NODES], onError: (e) => { throw e; } });
  editor.update(
    () => {
      const root = $getRoot();
      root.append($createHeadingNode('h2').append($createTextNode('Finding on A-1')));
      const bold = $createTextNode('reasonable grounds to suspect');
      bold.toggleFormat('bold');
      root.append(
        $createParagraphNode().append(
          $createTextNode('There are '),
          bold,
          $createTextNode(' that '),
          $createSubjectMentionNode(subjectId, name),
          $createTextNode(' directed the detentions, as '),
          $createExhibitReferenceNode(itemId, exhibit),
          $createTextNode(' shows <script>alert(1)</script>.'),
          $createLineBreakNode(),
          $createTextNode('A second line.'),
        ),
      );
      root.append($createQuoteNode().append($createTextNode('“I was held for eleven months.”')));
      const inner = $createListNode('bullet').append($createListItemNode().append($createTextNode('interrogations at night')));
      root.append(
        $createListNode('number').append(
          $createListItemNode().append($createTextNode('detention without charge')),
          $createListItemNode().append(inner),
        ),
      );
      const table = $createTableNodeWithDimensions(2, 2, true);
      root.append(table);
      const [head, row] = table.getChildren<TableRowNode>();
      (head!.getChildren<TableCellNode>()[1]!.getFirstChild() as ElementNode).append($createTextNode('Source'));
      (row!.getChildren<TableCellNode>()[1]!.getFirstChild() as ElementNode).append($createExhibitReferenceNode(itemId, exhibit));
    },
    { discrete: true },
  );
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON())) as unknown;
}

function stored() {
  const ctx = evidenceContext();
  const allegation = createAllegation(ctx, {
    caseId: ctx.caseId,
    category: 'arbitrary_detention',
    period: { precision: 'year', value: '2018' },
    place: 'Kashgar',
    narrative: '',
    victims: [],
    status: 'alleged',
  });
  createTestimony(ctx, { caseId: ctx.caseId, title: 'Earlier item' });
  const item = createTestimony(ctx, { caseId: ctx.caseId, title: 'Witness W-3, interview' });
  const subject = createSubject(ctx, {
    ...SubjectFieldsSchema.parse({ type: 'person', names: [{ script: 'latn', value: 'Zhu Hailun', primary: true }] }),
    caseId: ctx.caseId,
  });
  const body = writeDocument(item.id, item.exhibit, subject.id, subject.displayName);
  saveFinding(ctx, { caseId: ctx.caseId, target: { type: 'allegation', id: allegation.id }, section: 'finding', outcome: 'met', body, revision: 0 });
  const read = () => listFindings(ctx, ctx.caseId)[0]!.body;
  return { ctx, item, subject, read };
}

describe('rich text rendering', () => {
  it('registers exactly the node types the validator allows', () => {
    const types = ['root', 'paragraph', 'text', 'tab', 'linebreak', ...RICH_TEXT_NODES.map((klass) => klass.getType())];
    expect(new Set(types)).toEqual(new Set(RICH_TEXT_NODE_TYPES));
  });

  it('renders a stored finding to plain HTML, exhibits as their current exhibit, in English and Japanese', () => {
    const { ctx, read } = stored();
    const body = read();
    expect(checkRichText(body)).toMatchObject({ ok: true });
    const [en, ja] = [richTextToHtml(body, richTextContext(ctx, 'en')), richTextToHtml(body, richTextContext(ctx, 'ja'))];
    expect(en).toContain('<h2>Finding on A-1</h2>');
    expect(en).toContain('<strong>reasonable grounds to suspect</strong>');
    expect(en).toContain('<span class="subject-mention" data-subject-id=');
    expect(en).toMatch(/<span class="exhibit-ref" data-item-id="[0-9a-f-]{36}" data-exhibit="E-2">Exhibit E-2<\/span> shows &lt;script&gt;alert\(1\)&lt;\/script&gt;\.<br>A second line\./);
    expect(en).toContain('<blockquote>“I was held for eleven months.”</blockquote>');
    expect(en).toContain('<ol><li>detention without charge</li><li class="nested"><ul><li>interrogations at night</li></ul></li></ol>');
    expect(en).toMatch(/<table class="rich-table"><tr><th><p><\/p><\/th><th><p>Source<\/p><\/th><\/tr><tr><th><p><\/p><\/th><td><p><span class="exhibit-ref"[^>]*>Exhibit E-2<\/span><\/p><\/td><\/tr><\/table>/);
    expect(en).not.toMatch(/style=|data-lexical|<script/);
    expect(ja).toContain('>証拠 E-2</span>');
  });

  it('follows renumbering and renaming, and shows a reference to a removed item as broken, never drops it', () => {
    const { ctx, item, subject, read } = stored();
    // Neither renumbering nor removal is offered by the evidence service yet: this is what they would leave.
    ctx.db.prepare('UPDATE evidence_items SET seq = 12 WHERE id = ?').run(item.id);
    updateSubject(ctx, {
      ...SubjectFieldsSchema.parse({ type: 'person', names: [{ script: 'latn', value: 'ZHU Hailun', primary: true }] }),
      id: subject.id,
    });
    const renumbered = richTextToHtml(read(), richTextContext(ctx, 'en'));
    expect(renumbered.match(/>Exhibit E-12</g)).toHaveLength(2);
    expect(renumbered).not.toContain('E-2<');
    expect(renumbered).toContain('>ZHU Hailun</span>');

    ctx.db.transaction(() => {
      for (const table of ['custody_events', 'evidence_links', 'evidence_text']) ctx.db.prepare(`DELETE FROM ${table} WHERE item_id = ?`).run(item.id);
      ctx.db.prepare('DELETE FROM evidence_fts WHERE rowid = (SELECT rowid FROM evidence_items WHERE id = ?)').run(item.id);
      ctx.db.prepare('DELETE FROM evidence_items WHERE id = ?').run(item.id);
    })();
    const broken = richTextToHtml(read(), richTextContext(ctx, 'en'));
    expect(richTextsToHtml([read(), read()], richTextContext(ctx, 'en'))).toEqual([broken, broken]);
    expect(broken.match(/<span class="exhibit-ref broken" data-item-id="[0-9a-f-]{36}">Exhibit E-2 \(no longer in the case file\)<\/span>/g)).toHaveLength(2);
    expect(richTextToHtml(read(), richTextContext(ctx, 'ja'))).toContain('>証拠 E-2（証拠記録から削除済み）</span>');
    expect(richTextToText(read(), richTextContext(ctx, 'en'))).toContain('as Exhibit E-2 (no longer in the case file) shows');
  });

  it('renders plain text for search, one line per block, table rows on one line', () => {
    const { ctx, read } = stored();
    expect(richTextToText(read(), richTextContext(ctx, 'en')).split('\n')).toEqual([
      'Finding on A-1',
      'There are reasonable grounds to suspect that Zhu Hailun directed the detentions, as Exhibit E-2 shows <script>alert(1)</script>.',
      'A second line.',
      '“I was held for eleven months.”',
      'detention without charge',
      'interrogations at night',
      'Source',
      'Exhibit E-2',
    ]);
  });

  it('refuses to render what the validator refuses', () => {
    const context: RichTextContext = { language: 'en', exhibit: () => null, subject: () => null };
    const bad = { root: { type: 'root', children: [{ type: 'image', src: 'x' }] } };
    expect(() => richTextToHtml(bad, context)).toThrow(expect.objectContaining({ code: 'RICH_TEXT_INVALID' }));
    expect(() => richTextToText(bad, context)).toThrow(expect.objectContaining({ code: 'RICH_TEXT_INVALID' }));
  });
});
