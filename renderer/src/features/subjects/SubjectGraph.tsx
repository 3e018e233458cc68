import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';

type Data = ChannelOutput<'subjects.relationships'>;

const WIDTH = 640;
const FULL_HEIGHT = 340;
const NODE_W = 150;
const NODE_H = 34;

/** Where an edge leaves a node's box, toward a point: so arrowheads sit on the border. */
function border(cx: number, cy: number, tx: number, ty: number) {
  const dx = tx - cx;
  const dy = ty - cy;
  const scale = Math.min(NODE_W / 2 / Math.abs(dx || 1e-9), NODE_H / 2 / Math.abs(dy || 1e-9));
  return { x: cx + dx * Math.min(scale, 1), y: cy + dy * Math.min(scale, 1) };
}

const short = (text: string, max = 18) => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

/**
 * The case's subjects on a circle, relationships as arrows from subject to object: enough to see
 * who commands, owns or controls whom at a glance. Plain SVG; no layout library.
 */
export function SubjectGraph({ data }: { data: Data }) {
  const { t } = useTranslation();
  const nodes = data.subjects;
  if (nodes.length === 0) return null;
  const HEIGHT = nodes.length <= 2 ? 110 : FULL_HEIGHT;
  const radiusX = nodes.length === 1 ? 0 : WIDTH / 2 - NODE_W / 2 - 12;
  const radiusY = nodes.length === 1 ? 0 : HEIGHT / 2 - NODE_H / 2 - 16;
  const position = new Map(
    nodes.map((n, i) => {
      // Two nodes side by side; more on a circle starting at the top.
      const angle = (nodes.length === 2 ? Math.PI : -Math.PI / 2) + (2 * Math.PI * i) / nodes.length;
      return [n.id, { x: WIDTH / 2 + radiusX * Math.cos(angle), y: HEIGHT / 2 + radiusY * Math.sin(angle) }];
    }),
  );

  return (
    <Box>
      <svg
        data-testid="subject-graph"
        role="img"
        aria-label={t('subjects.graph')}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: WIDTH, display: 'block', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
      >
        <defs>
          <marker id="subject-graph-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--mantine-color-gray-7)" />
          </marker>
        </defs>
        {data.relationships.map((r) => {
          const a = position.get(r.fromId);
          const b = position.get(r.toId);
          if (!a || !b) return null;
          const start = border(a.x, a.y, b.x, b.y);
          const end = border(b.x, b.y, a.x, a.y);
          return (
            <g key={r.id} data-testid="subject-graph-edge" data-kind={r.kind}>
              <line
                x1={start.x}
                y1={start.y}
                x2={end.x}
                y2={end.y}
                stroke="var(--mantine-color-gray-6)"
                strokeWidth={1.4}
                markerEnd="url(#subject-graph-arrow)"
              />
              <text
                x={(start.x + end.x) / 2}
                y={(start.y + end.y) / 2 - 4}
                textAnchor="middle"
                fontSize={11}
                fill="var(--mantine-color-blue-8)"
                paintOrder="stroke"
                stroke="var(--mantine-color-body)"
                strokeWidth={4}
              >
                {t(`relationshipKinds.${r.kind}`)}
              </text>
            </g>
          );
        })}
        {nodes.map((n) => {
          const p = position.get(n.id)!;
          const person = n.type === 'person';
          return (
            <g key={n.id} data-testid="subject-graph-node" data-reference={n.reference}>
              <title>{`${n.reference} ${n.displayName} (${t(`subjectTypes.${n.type}`)})`}</title>
              <rect
                x={p.x - NODE_W / 2}
                y={p.y - NODE_H / 2}
                width={NODE_W}
                height={NODE_H}
                rx={person ? NODE_H / 2 : 3}
                fill={n.inCase ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-body)'}
                stroke={n.inCase ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-5)'}
                strokeDasharray={n.inCase ? undefined : '4 3'}
              />
              <text x={p.x} y={p.y - 3} textAnchor="middle" fontSize={12} fill="var(--mantine-color-text)">
                {short(n.displayName)}
              </text>
              <text x={p.x} y={p.y + 11} textAnchor="middle" fontSize={9} fill="var(--mantine-color-dimmed)" fontFamily="monospace">
                {n.reference} · {t(`subjectTypes.${n.type}`)}
              </text>
            </g>
          );
        })}
      </svg>
      <Text size="xs" c="dimmed" mt={4}>
        {t('subjects.graphLegend')}
      </Text>
    </Box>
  );
}
