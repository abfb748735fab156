// A design's family drawn as a tree: its furthest known ancestor on the left, derivatives and
// variants to the right. Every design is a link to its page; the current one is highlighted.

import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import type { LineageNode } from '../chain/queries';
import { text } from '../format';
import { LINEAGE_LABELS } from './labels';

const NODE_WIDTH = 210;
const NODE_HEIGHT = 46;
const COLUMN_GAP = 70;
const ROW_GAP = 16;
const MAX_LABEL = 26;

export function LineageTree({ root, current }: { root: LineageNode; current: number }) {
  const layout = tree<LineageNode>().nodeSize([NODE_HEIGHT + ROW_GAP, NODE_WIDTH + COLUMN_GAP])(
    hierarchy(root, (node) => node.children));
  const nodes = layout.descendants();
  const top = Math.min(...nodes.map((node) => node.x)) - NODE_HEIGHT / 2;
  const bottom = Math.max(...nodes.map((node) => node.x)) + NODE_HEIGHT / 2;
  const right = Math.max(...nodes.map((node) => node.y)) + NODE_WIDTH;
  const pad = 8;
  return (
    <svg class="lineage" role="tree" aria-label="Lineage of the design"
      viewBox={`${-pad} ${top - pad} ${right + 2 * pad} ${bottom - top + 2 * pad}`}
      width={right + 2 * pad} height={bottom - top + 2 * pad}>
      {layout.links().map(({ source, target }) => (
        <g key={`${source.data.id}-${target.data.id}`} class="lineage-link">
          <path d={linkPath(source, target)} />
          <text x={(source.y + NODE_WIDTH + target.y) / 2} y={target.x - 6} text-anchor="middle">
            {target.data.kind ? LINEAGE_LABELS[target.data.kind] : ''}
          </text>
        </g>
      ))}
      {nodes.map((node) => {
        const name = text(node.data.name);
        const shown = name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL - 1)}…` : name;
        return (
          <a key={node.data.id} href={`#/designs/${node.data.id}`} role="treeitem"
            class={node.data.id === current ? 'lineage-node current' : 'lineage-node'}
            data-design={node.data.id} aria-current={node.data.id === current ? 'page' : undefined}>
            <title>{name}</title>
            <rect x={node.y} y={node.x - NODE_HEIGHT / 2} width={NODE_WIDTH} height={NODE_HEIGHT} rx={6} />
            <text x={node.y + 10} y={node.x - 4} class="lineage-name">{shown}</text>
            <text x={node.y + 10} y={node.x + 14} class="lineage-meta">
              #{node.data.id}{node.data.parentVersion !== undefined ? ` · from version ${node.data.parentVersion}` : ''}
            </text>
          </a>
        );
      })}
    </svg>
  );
}

function linkPath(source: HierarchyPointNode<LineageNode>, target: HierarchyPointNode<LineageNode>): string {
  const x0 = source.y + NODE_WIDTH;
  const x1 = target.y;
  const middle = (x0 + x1) / 2;
  return `M${x0},${source.x} C${middle},${source.x} ${middle},${target.x} ${x1},${target.x}`;
}
