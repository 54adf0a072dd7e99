import type { Document, Node, Scalar } from 'yaml';
import { yamlLibrary } from './yamlLibrary';
import type { YNode, YPair, YScalar } from './yamlNode';

/** Converts the `yaml` library's AST to the YNode tree (an alias is a leaf standing for its anchor). */
export function fromYamlAst(doc: Document.Parsed): YNode | null {
  return convert(doc, doc.contents as Node | null, 0);
}

const MAX_DEPTH = 1000;

function convert(doc: Document.Parsed, node: Node | null | undefined, depth: number): YNode | null {
  if (!node || depth > MAX_DEPTH) return null;
  const range: [number, number] = node.range ? [node.range[0], node.range[1]] : [0, 0];
  // An alias stays a leaf: following it would expand alias bombs exponentially.
  if (yamlLibrary().isAlias(node)) return { kind: 'scalar', range, value: `*${node.source}`, style: 'plain' };
  if (yamlLibrary().isMap(node)) {
    const items: YPair[] = [];
    for (const item of node.items) {
      if (!yamlLibrary().isPair(item)) continue;
      items.push({ key: keyScalar(doc, item.key as Node | null), value: convert(doc, item.value as Node | null, depth + 1) });
    }
    return { kind: 'map', range, flow: Boolean(node.flow), items };
  }
  if (yamlLibrary().isSeq(node)) {
    return { kind: 'seq', range, flow: Boolean(node.flow), items: node.items.map((item) => convert(doc, item as Node | null, depth + 1)) };
  }
  if (yamlLibrary().isScalar(node)) return scalar(node, range);
  return null;
}

function scalar(node: Scalar, range: [number, number]): YScalar {
  const style =
    node.type === 'QUOTE_SINGLE' ? 'single' : node.type === 'QUOTE_DOUBLE' ? 'double' : node.type === 'BLOCK_LITERAL' ? 'block-literal' : node.type === 'BLOCK_FOLDED' ? 'block-folded' : 'plain';
  return { kind: 'scalar', range, value: node.value, style };
}

function keyScalar(doc: Document.Parsed, key: Node | null): YScalar {
  if (yamlLibrary().isScalar(key)) return scalar(key, key.range ? [key.range[0], key.range[1]] : [0, 0]);
  const range: [number, number] = key?.range ? [key.range[0], key.range[1]] : [0, 0];
  let value = '';
  try {
    value = key ? String(key.toJSON?.() ?? '') : '';
  } catch {
    // A key the library cannot turn into data (e.g. `{<<: 1}`): its source text stands for it.
    value = key?.range ? `<complex key>` : '';
  }
  return { kind: 'scalar', range, value, style: 'plain' };
}
