/**
 * The import graph of the TypeScript files under a folder, and the cycles in it. Specifiers come
 * from TypeScript's own pre-processor (`import`, `import type`, `export … from`, `import()`), so
 * comments and strings never count; only relative specifiers that resolve to a file under the
 * folder are edges (a path plus `.ts`, or its `index.ts`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** File (relative to the folder, `/`-separated) → the files under the folder it imports. */
export type ImportGraph = Map<string, Set<string>>;

export function importGraph(folder: string): ImportGraph {
  const root = resolve(folder);
  const files = tsFiles(root);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const edges = new Set<string>();
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const base = resolve(dirname(file), fileName);
      const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
      if (target !== undefined && target.startsWith(`${root}/`)) edges.add(name(root, target));
    }
    graph.set(name(root, file), edges);
  }
  return graph;
}

/**
 * Every cycle's files, as one path per strongly connected component (`a.ts → b.ts → a.ts`):
 * empty when the graph is acyclic.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  // Tarjan's algorithm; every component of more than one file (or a file importing itself) is a cycle.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component = new Set<string>();
    let top: string;
    do {
      top = stack.pop()!;
      onStack.delete(top);
      component.add(top);
    } while (top !== file);
    if (component.size > 1 || graph.get(file)?.has(file)) cycles.push(pathThrough(graph, component, file));
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return cycles;
}

/** One closed path from `start` back to itself inside a component (breadth-first, so a short one). */
function pathThrough(graph: ImportGraph, component: ReadonlySet<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of [...(graph.get(queue[i]) ?? [])].sort()) {
      if (!component.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = queue[i]; at !== start; at = previous.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, queue[i]);
        queue.push(next);
      }
    }
  }
  return [...component];
}

function tsFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder).sort()) {
    const full = join(folder, entry);
    if (statSync(full).isDirectory()) files.push(...tsFiles(full));
    else if (entry.endsWith('.ts')) files.push(full);
  }
  return files;
}

function name(root: string, file: string): string {
  return relative(root, file).split('\\').join('/');
}
