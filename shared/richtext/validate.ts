import { EXHIBIT_REFERENCE_TYPE, SUBJECT_MENTION_TYPE } from './nodes';

/**
 * The one check every stored rich text passes (findings, statements of reasons): Lexical's
 * serialized editor state, `{ root: { type: 'root', children: [...] } }`, holding only the node
 * types the editor registers, each with the properties Lexical 0.52 writes for it and nothing else,
 * nested as the editor nests them, within the size limits below. Written out by hand rather than as
 * a zod schema because it walks a recursive tree and has to say *where* the first problem is.
 */

/** Limits of one document; a statement of reasons of 60+ printed pages is refused, not truncated. */
export const RICH_TEXT_LIMITS = {
  /** Characters of text (about 60 A4 pages of English, far more of Japanese). */
  textLength: 200_000,
  /** Nodes of every kind. */
  nodes: 50_000,
  /** Nesting (lists in lists, tables in tables). */
  depth: 24,
  /** Characters of the serialized JSON. */
  jsonLength: 4_000_000,
} as const;

const BLOCK = ['paragraph', 'heading', 'quote', 'list', 'table'] as const;
const INLINE = ['text', 'tab', 'linebreak', EXHIBIT_REFERENCE_TYPE, SUBJECT_MENTION_TYPE] as const;

/** Every node type a stored document may contain: what the editor registers, nothing more. */
export const RICH_TEXT_NODE_TYPES = ['root', ...BLOCK, 'listitem', 'tablerow', 'tablecell', ...INLINE] as const;
export type RichTextNodeType = (typeof RICH_TEXT_NODE_TYPES)[number];

export type RichTextIssue =
  | { code: 'not_a_document'; path: string; message: string }
  | { code: 'unsupported_node'; path: string; nodeType: string; message: string }
  | { code: 'bad_shape'; path: string; message: string }
  | { code: 'too_large'; path: string; limit: number; message: string };

export type RichTextCheck =
  | { ok: true; textLength: number; nodeCount: number }
  | { ok: false; issue: RichTextIssue };

type Check = (value: unknown) => boolean;
const isInt = (min: number, max: number): Check => (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const oneOf = (...values: unknown[]): Check => (v) => values.includes(v);
const isString = (max: number): Check => (v) => typeof v === 'string' && v.length <= max;
const isBoolean: Check = (v) => typeof v === 'boolean';
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isNullable = (check: Check): Check => (v) => v === null || check(v);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid: Check = (v) => typeof v === 'string' && UUID.test(v);

/** Properties every element writes (ElementNode's generated JSON in 0.52). */
const ELEMENT: Record<string, Check> = {
  direction: isNullable(oneOf('ltr', 'rtl')),
  format: oneOf('', 'left', 'start', 'center', 'right', 'end', 'justify'),
  indent: isInt(0, 40),
  textFormat: isInt(0, 0xffff),
  textStyle: isString(1000),
};
const TEXT: Record<string, Check> = {
  detail: isInt(0, 0xff),
  format: isInt(0, 0xffff),
  mode: oneOf('normal', 'token', 'segmented'),
  style: isString(1000),
  text: (v) => typeof v === 'string',
};

interface NodeSpec {
  /** Own properties and their checks; `type`, `version` and `children` are handled by the walk. */
  props: Record<string, Check>;
  /** Properties that must be present. */
  required?: readonly string[];
  /** Child node types, for elements; absent for leaves. */
  children?: readonly string[];
}

const SPECS: Record<RichTextNodeType, NodeSpec> = {
  root: { props: ELEMENT, children: BLOCK },
  paragraph: { props: ELEMENT, children: INLINE },
  heading: { props: { ...ELEMENT, tag: oneOf('h1', 'h2', 'h3', 'h4', 'h5', 'h6') }, required: ['tag'], children: INLINE },
  quote: { props: ELEMENT, children: INLINE },
  list: {
    props: { ...ELEMENT, listType: oneOf('bullet', 'number'), start: isInt(0, 1_000_000), tag: oneOf('ol', 'ul') },
    required: ['listType'],
    children: ['listitem'],
  },
  listitem: { props: { ...ELEMENT, checked: isBoolean, value: isInt(0, 1_000_000) }, children: [...INLINE, 'list'] },
  table: {
    props: {
      ...ELEMENT,
      colWidths: (v) => Array.isArray(v) && v.length <= 1000 && v.every(isNumber),
      frozenColumnCount: isInt(0, 1000),
      frozenRowCount: isInt(0, 1000),
      rowStriping: isBoolean,
    },
    children: ['tablerow'],
  },
  tablerow: { props: { ...ELEMENT, height: isNumber }, children: ['tablecell'] },
  tablecell: {
    props: {
      ...ELEMENT,
      backgroundColor: isNullable(isString(100)),
      colSpan: isInt(1, 1000),
      rowSpan: isInt(1, 1000),
      headerState: isInt(0, 3),
      verticalAlign: isString(20),
      width: isNumber,
    },
    children: BLOCK,
  },
  text: { props: TEXT, required: ['text'] },
  tab: { props: TEXT },
  linebreak: { props: {} },
  [EXHIBIT_REFERENCE_TYPE]: { props: { itemId: isUuid, label: isString(50) }, required: ['itemId'] },
  [SUBJECT_MENTION_TYPE]: { props: { subjectId: isUuid, name: isString(1000) }, required: ['subjectId'] },
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isKnownType = (t: string): t is RichTextNodeType => Object.prototype.hasOwnProperty.call(SPECS, t);

class Stop extends Error {
  constructor(readonly issue: RichTextIssue) {
    super(issue.message);
  }
}

/** Checks a value that claims to be a stored rich text. Never throws. */
export function checkRichText(value: unknown): RichTextCheck {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined || !isRecord(value)) {
    return fail({ code: 'not_a_document', path: '', message: 'The text is not a Lexical document (an object with a root).' });
  }
  if (json.length > RICH_TEXT_LIMITS.jsonLength) {
    return fail({
      code: 'too_large',
      path: '',
      limit: RICH_TEXT_LIMITS.jsonLength,
      message: `The document is ${json.length} characters long when stored; the limit is ${RICH_TEXT_LIMITS.jsonLength}.`,
    });
  }
  const extra = Object.keys(value).filter((k) => k !== 'root');
  if (!isRecord(value.root) || extra.length > 0) {
    return fail({
      code: 'not_a_document',
      path: extra.length ? extra[0]! : 'root',
      message: extra.length ? `A document holds only "root"; it also has "${extra[0]}".` : 'The document has no root node.',
    });
  }
  let textLength = 0;
  let nodeCount = 0;

  const walk = (node: unknown, path: string, depth: number, allowed: readonly string[]): void => {
    if (!isRecord(node)) throw new Stop({ code: 'bad_shape', path, message: `At ${path}: expected a node (an object).` });
    const type = node.type;
    if (typeof type !== 'string') throw new Stop({ code: 'bad_shape', path, message: `At ${path}: the node has no type.` });
    if (!isKnownType(type)) {
      throw new Stop({
        code: 'unsupported_node',
        path,
        nodeType: type,
        message: `At ${path}: node type "${type.slice(0, 60)}" is not supported (allowed: ${RICH_TEXT_NODE_TYPES.join(', ')}).`,
      });
    }
    if (!allowed.includes(type)) {
      throw new Stop({ code: 'bad_shape', path, message: `At ${path}: a ${type} node cannot stand here (allowed: ${allowed.join(', ')}).` });
    }
    nodeCount += 1;
    if (nodeCount > RICH_TEXT_LIMITS.nodes) {
      throw new Stop({ code: 'too_large', path, limit: RICH_TEXT_LIMITS.nodes, message: `The document has more than ${RICH_TEXT_LIMITS.nodes} nodes.` });
    }
    if (depth > RICH_TEXT_LIMITS.depth) {
      throw new Stop({ code: 'too_large', path, limit: RICH_TEXT_LIMITS.depth, message: `At ${path}: nested more than ${RICH_TEXT_LIMITS.depth} levels deep.` });
    }
    const spec = SPECS[type];
    for (const [key, v] of Object.entries(node)) {
      if (key === 'type') continue;
      if (key === 'version') {
        if (!isInt(0, 100)(v)) throw new Stop({ code: 'bad_shape', path, message: `At ${path}: "version" of a ${type} node must be a small whole number.` });
        continue;
      }
      if (key === 'children' && spec.children) continue;
      const check = spec.props[key];
      if (!check) throw new Stop({ code: 'bad_shape', path, message: `At ${path}: a ${type} node has no property "${key.slice(0, 60)}".` });
      // undefined never survives JSON; a property written as undefined is as good as absent.
      if (v !== undefined && !check(v)) {
        throw new Stop({ code: 'bad_shape', path: `${path}.${key}`, message: `At ${path}: "${key}" of a ${type} node has a value it cannot have.` });
      }
    }
    for (const key of spec.required ?? []) {
      if (node[key] === undefined) throw new Stop({ code: 'bad_shape', path, message: `At ${path}: a ${type} node needs "${key}".` });
    }
    if (type === 'text' || type === 'tab') textLength += (node.text as string | undefined)?.length ?? 0;
    else if (type === 'linebreak') textLength += 1;
    if (textLength > RICH_TEXT_LIMITS.textLength) {
      throw new Stop({
        code: 'too_large',
        path,
        limit: RICH_TEXT_LIMITS.textLength,
        message: `The text is longer than ${RICH_TEXT_LIMITS.textLength} characters.`,
      });
    }
    if (!spec.children) return;
    const children = node.children;
    if (!Array.isArray(children)) throw new Stop({ code: 'bad_shape', path, message: `At ${path}: a ${type} node needs a list of children.` });
    children.forEach((child, i) => walk(child, `${path}.children[${i}]`, depth + 1, spec.children!));
  };

  try {
    walk(value.root, 'root', 0, ['root']);
  } catch (error) {
    if (error instanceof Stop) return fail(error.issue);
    throw error;
  }
  return { ok: true, textLength, nodeCount };
}

const fail = (issue: RichTextIssue): RichTextCheck => ({ ok: false, issue });

/** An empty document: one empty paragraph, as the editor starts. */
export const EMPTY_RICH_TEXT = {
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [] }],
  },
} as const;

/** The ids a document cites, in order of first appearance: exhibits (evidence item ids) and subjects. */
export function richTextReferences(value: unknown): { itemIds: string[]; subjectIds: string[] } {
  const itemIds = new Set<string>();
  const subjectIds = new Set<string>();
  const visit = (node: unknown): void => {
    if (!isRecord(node)) return;
    if (node.type === EXHIBIT_REFERENCE_TYPE && typeof node.itemId === 'string') itemIds.add(node.itemId);
    if (node.type === SUBJECT_MENTION_TYPE && typeof node.subjectId === 'string') subjectIds.add(node.subjectId);
    if (Array.isArray(node.children)) node.children.forEach(visit);
  };
  if (isRecord(value)) visit(value.root);
  return { itemIds: [...itemIds], subjectIds: [...subjectIds] };
}
