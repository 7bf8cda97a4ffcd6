import { href } from './route.js';

interface GraphNode {
  id: string;
  label: string;
}

/*
 * The image in the middle, what it requires on the left, what requires it on the right; each
 * arrow points from the image that needs to the image it needs, and each node is a link to its
 * own page (whose graph then shows its own neighbours). Plain SVG: three columns need no layout
 * engine.
 */
const NODE_WIDTH = 210;
const NODE_HEIGHT = 36;
const ROW = NODE_HEIGHT + 14;
const COLUMNS = [10, 275, 540] as const;
const WIDTH = COLUMNS[2] + NODE_WIDTH + 10;
const MAX_LABEL = 26;

function short(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

function Node({ node, x, y, current }: { node: GraphNode; x: number; y: number; current?: boolean }) {
  return (
    <a href={href('catalogue', node.id)} aria-current={current ? 'page' : undefined} data-node={node.label}>
      <title>{node.label}</title>
      <rect x={x} y={y} width={NODE_WIDTH} height={NODE_HEIGHT} rx={6} className={current ? 'node current' : 'node'} />
      <text x={x + NODE_WIDTH / 2} y={y + NODE_HEIGHT / 2} dominantBaseline="middle" textAnchor="middle">
        {short(node.label)}
      </text>
    </a>
  );
}

/** The graph in a sentence, for the caption and for readers who cannot see it. */
function caption(image: GraphNode, requires: GraphNode[], requiredBy: GraphNode[]): string {
  const names = (nodes: GraphNode[]) => nodes.map((node) => node.label).join(', ');
  const needs = requires.length === 0 ? 'requires no other image' : `requires ${names(requires)}`;
  const needed = requiredBy.length === 0 ? 'no image requires it' : `${names(requiredBy)} ${requiredBy.length === 1 ? 'requires' : 'require'} it`;
  return `${image.label} ${needs}; ${needed}.`;
}

export function DependencyGraph({ image, requires, requiredBy }: { image: GraphNode; requires: GraphNode[]; requiredBy: GraphNode[] }) {
  const rows = Math.max(requires.length, requiredBy.length, 1);
  const height = rows * ROW + 40;
  const top = (index: number, count: number) => 30 + ((rows - count) * ROW) / 2 + index * ROW;
  const centre = top(0, 1);
  const middle = (y: number) => y + NODE_HEIGHT / 2;
  return (
    <figure className="graph">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} aria-describedby="graph-caption">
        <title>Dependencies of {image.label}</title>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="arrow" />
          </marker>
        </defs>
        <text x={COLUMNS[0]} y={16} className="column">
          Requires
        </text>
        <text x={COLUMNS[2]} y={16} className="column">
          Required by
        </text>
        {requires.map((node, index) => (
          <line
            key={`to-${node.id}`}
            x1={COLUMNS[1]}
            y1={middle(centre)}
            x2={COLUMNS[0] + NODE_WIDTH}
            y2={middle(top(index, requires.length))}
            markerEnd="url(#arrow)"
          />
        ))}
        {requiredBy.map((node, index) => (
          <line
            key={`from-${node.id}`}
            x1={COLUMNS[2]}
            y1={middle(top(index, requiredBy.length))}
            x2={COLUMNS[1] + NODE_WIDTH}
            y2={middle(centre)}
            markerEnd="url(#arrow)"
          />
        ))}
        {requires.map((node, index) => (
          <Node key={node.id} node={node} x={COLUMNS[0]} y={top(index, requires.length)} />
        ))}
        <Node node={image} x={COLUMNS[1]} y={centre} current />
        {requiredBy.map((node, index) => (
          <Node key={node.id} node={node} x={COLUMNS[2]} y={top(index, requiredBy.length)} />
        ))}
      </svg>
      <figcaption id="graph-caption">{caption(image, requires, requiredBy)}</figcaption>
    </figure>
  );
}
