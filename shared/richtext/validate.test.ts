import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $createExhibitReferenceNode, $createSubjectMentionNode, ExhibitReferenceNode, SubjectMentionNode } from './nodes';
import { checkRichText, EMPTY_RICH_TEXT, RICH_TEXT_LIMITS, richTextReferences, type RichTextIssue } from './validate';

const ITEM = '019a0000-0000-7000-8000-000000000001';
const SUBJECT = '019a0000-0000-7000-8000-000000000002';

const text = (t: string, extra: Record<string, unknown> = {}) => ({ type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text: t, ...extra });
const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children,
  ...extra,
});
const doc = (...blocks: unknown[]) => ({ root: element('root', blocks) });
const paragraph = (...inline: unknown[]) => element('paragraph', inline, { textFormat: 0, textStyle: '' });

/** Everything the editor can write: heading, list in list, quote, a table, both reference nodes. */
const FULL = doc(
  element('heading', [text('Findings')], { tag: 'h2' }),
  paragraph(
    text('See ', { format: 1 }),
    { type: 'exhibit-reference', version: 1, itemId: ITEM, label: 'E-12' },
    { type: 'linebreak', version: 1 },
    { type: 'subject-mention', version: 1, subjectId: SUBJECT, name: 'Zhu Hailun' },
    { type: 'tab', version: 1, detail: 2, format: 0, mode: 'normal', style: '', text: '\t' },
  ),
  element('quote', [text('quoted')]),
  element(
    'list',
    [
      element('listitem', [text('one')], { value: 1 }),
      element('listitem', [element('list', [element('listitem', [text('nested')], { value: 1 })], { listType: 'bullet', start: 1, tag: 'ul' })], {
        value: 2,
      }),
    ],
    { listType: 'number', start: 1, tag: 'ol' },
  ),
  element('table', [
    element('tablerow', [
      element('tablecell', [paragraph(text('head'))], { backgroundColor: null, colSpan: 1, rowSpan: 1, headerState: 1 }),
      element('tablecell', [paragraph()], { backgroundColor: null, colSpan: 1, rowSpan: 1, headerState: 0 }),
    ]),
  ]),
);

function issueOf(value: unknown): RichTextIssue {
  const check = checkRichText(value);
  if (check.ok) throw new Error('expected the document to be refused');
  return check.issue;
}

describe('checkRichText', () => {
  it('accepts every node type the editor writes, and an empty document', () => {
    expect(checkRichText(FULL)).toEqual({ ok: true, textLength: 33, nodeCount: 25 });
    expect(checkRichText(EMPTY_RICH_TEXT)).toMatchObject({ ok: true, textLength: 0 });
  });

  it('accepts what Lexical itself serializes, reference nodes included', () => {
    const editor = createEditor({ nodes: [ExhibitReferenceNode, SubjectMentionNode], onError: (e) => { throw e; } });
    editor.update(
      () => {
        $getRoot().append(
          $createParagraphNode().append($createTextNode('cites '), $createExhibitReferenceNode(ITEM, 'E-3'), $createSubjectMentionNode(SUBJECT, 'Chen Quanguo')),
        );
      },
      { discrete: true },
    );
    const json = JSON.parse(JSON.stringify(editor.getEditorState().toJSON())) as unknown;
    expect(checkRichText(json)).toMatchObject({ ok: true });
    expect(richTextReferences(json)).toEqual({ itemIds: [ITEM], subjectIds: [SUBJECT] });
  });

  it('refuses a node type the editor does not register, naming it and where it is', () => {
    const issue = issueOf(doc(paragraph(text('a')), paragraph({ type: 'image', version: 1, src: 'x.png' })));
    expect(issue).toMatchObject({ code: 'unsupported_node', nodeType: 'image', path: 'root.children[1].children[0]' });
    expect(issue.message).toContain('"image"');
    expect(issueOf(doc(element('code', [text('x')]))).code).toBe('unsupported_node');
  });

  it.each([
    ['not an object', 'just text', 'not_a_document'],
    ['null', null, 'not_a_document'],
    ['no root', { editorState: {} }, 'not_a_document'],
    ['extra top-level key', { ...FULL, script: 'x' }, 'not_a_document'],
    ['root of another type', { root: paragraph() }, 'bad_shape'],
    ['node without a type', doc(paragraph({ text: 'x' })), 'bad_shape'],
    ['node that is an array', doc([]), 'bad_shape'],
    ['element without children', doc({ type: 'paragraph', version: 1 }), 'bad_shape'],
    ['children that are not a list', doc(element('paragraph', {} as unknown[])), 'bad_shape'],
    ['text without text', doc(paragraph({ type: 'text', version: 1 })), 'bad_shape'],
    ['text with a number for text', doc(paragraph(text('x', { text: 42 }))), 'bad_shape'],
    ['text with children', doc(paragraph({ ...text('x'), children: [] })), 'bad_shape'],
    ['unknown property', doc(paragraph(text('x', { onclick: 'alert(1)' }))), 'bad_shape'],
    ['heading h9', doc(element('heading', [], { tag: 'h9' })), 'bad_shape'],
    ['heading without tag', doc(element('heading', [])), 'bad_shape'],
    ['check list', doc(element('list', [], { listType: 'check', tag: 'ul' })), 'bad_shape'],
    ['text at the root', doc(text('x')), 'bad_shape'],
    ['paragraph in a paragraph', doc(paragraph(paragraph())), 'bad_shape'],
    ['paragraph directly in a list', doc(element('list', [paragraph()], { listType: 'bullet' })), 'bad_shape'],
    ['cell outside a row', doc(element('table', [element('tablecell', [])])), 'bad_shape'],
    ['exhibit reference without an item', doc(paragraph({ type: 'exhibit-reference', version: 1 })), 'bad_shape'],
    ['exhibit reference to a non-id', doc(paragraph({ type: 'exhibit-reference', version: 1, itemId: '../../etc' })), 'bad_shape'],
    ['subject mention without a subject', doc(paragraph({ type: 'subject-mention', version: 1, name: 'x' })), 'bad_shape'],
    ['negative indent', doc(element('paragraph', [], { indent: -1 })), 'bad_shape'],
    ['fractional version', doc(element('paragraph', [], { version: 1.5 })), 'bad_shape'],
  ])('refuses a bad shape: %s', (_name, value, code) => {
    const issue = issueOf(value);
    expect(issue.code).toBe(code);
    expect(issue.message.length).toBeGreaterThan(10);
  });

  it('refuses documents over the limits, saying which limit', () => {
    const long = doc(paragraph(text('a'.repeat(RICH_TEXT_LIMITS.textLength + 1))));
    expect(issueOf(long)).toMatchObject({ code: 'too_large', limit: RICH_TEXT_LIMITS.textLength });

    const many = doc(paragraph(...Array.from({ length: RICH_TEXT_LIMITS.nodes }, () => ({ type: 'linebreak', version: 1 }))));
    expect(issueOf(many)).toMatchObject({ code: 'too_large', limit: RICH_TEXT_LIMITS.nodes });

    let deep: unknown = element('listitem', [text('deep')]);
    for (let i = 0; i < RICH_TEXT_LIMITS.depth; i++) deep = element('listitem', [element('list', [deep], { listType: 'bullet' })]);
    expect(issueOf(doc(element('list', [deep], { listType: 'bullet' })))).toMatchObject({ code: 'too_large', limit: RICH_TEXT_LIMITS.depth });

    const bulky = doc(paragraph(text('x', { style: '' })), ...Array.from({ length: 30_000 }, () => paragraph(text('y'.repeat(100), { style: 'z'.repeat(200) }))));
    expect(issueOf(bulky)).toMatchObject({ code: 'too_large', limit: RICH_TEXT_LIMITS.jsonLength });
  });
});
