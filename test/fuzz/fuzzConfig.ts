import fc from 'fast-check';

/**
 * Seeded, replayable fuzz settings. `FUZZ_SEED=<seed>` replays a run (fast-check prints the seed
 * and the counterexample path on failure); `FUZZ_RUNS=<n>` runs every property at least n times
 * (`npm run fuzz` sets it). The defaults keep `npm test` well under its budget on a loaded 2-core machine.
 */
export function fuzzParameters<T>(defaultRuns: number): fc.Parameters<T> {
  const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : 20261122;
  const runs = process.env.FUZZ_RUNS !== undefined ? Math.max(Number(process.env.FUZZ_RUNS), defaultRuns) : defaultRuns;
  return { seed, numRuns: runs, endOnFailure: true, verbose: 1 };
}

const KEYS = ['apiVersion', 'kind', 'metadata', 'name', 'namespace', 'labels', 'spec', 'replicas', 'selector', 'matchLabels', 'template', 'containers', 'image', 'ports', 'containerPort', 'resources', 'requests', 'cpu', 'memory', 'data', 'podSelector', 'ingress', 'from', 'type', 'x'];
const SCALARS = ['v1', 'apps/v1', 'Deployment', 'Service', 'ConfigMap', 'Pod', 'NetworkPolicy', 'networking.k8s.io/v1', 'web', '3', '-1', '1e9', '100m', '64Mi', 'true', 'null', '~', '""', "'q'", 'nginx:1.27', '{}', '[]', '0x1F', '1:20'];

/** A plausible manifest: a real object shape, to be mutated. */
export const manifestArb: fc.Arbitrary<string> = fc
  .record({
    kind: fc.constantFrom('Deployment', 'Service', 'ConfigMap', 'Pod', 'NetworkPolicy', 'Widget'),
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
    replicas: fc.oneof(fc.integer({ min: -2, max: 50 }), fc.constant(1e9)),
    cpu: fc.constantFrom('100m', '2', '64', 'lots', '0.5'),
    extra: fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...SCALARS)), { maxLength: 4 }),
  })
  .map(({ kind, name, replicas, cpu, extra }) => {
    const apiVersion = kind === 'Deployment' ? 'apps/v1' : kind === 'NetworkPolicy' ? 'networking.k8s.io/v1' : kind === 'Widget' ? 'example.com/v1' : 'v1';
    const lines = [`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata:', `  name: ${name}`, `  labels: {app: ${name}}`];
    if (kind === 'Deployment')
      lines.push('spec:', `  replicas: ${replicas}`, `  selector: {matchLabels: {app: ${name}}}`, '  template:', `    metadata: {labels: {app: ${name}}}`, '    spec:', '      containers:', `      - name: ${name}`, '        image: nginx:1.27', `        resources: {requests: {cpu: "${cpu}"}}`);
    else if (kind === 'Service') lines.push('spec:', `  selector: {app: ${name}}`, '  ports: [{port: 80, targetPort: 8080}]');
    else if (kind === 'NetworkPolicy') lines.push('spec:', '  podSelector: {}', `  ingress: [{from: [{podSelector: {matchLabels: {app: ${name}}}}]}]`);
    else if (kind === 'Pod') lines.push('spec:', '  containers:', `  - {name: ${name}, image: busybox}`);
    else lines.push('data:', `  k: ${name}`);
    for (const [key, value] of extra) lines.push(`${key}: ${value}`);
    return lines.join('\n') + '\n';
  });

/** Fragments that stress the parser: markers, anchors, merge keys, flow, tabs, CRs, quotes, unicode. */
const JUNK = ['---\n', '...\n', '&a ', '*a', '<<: *a\n', '{', '}', '[', ']', '"', "'", '\t', '\r', '\r\n', ': ', '- ', '#', '|\n', '>-\n', '!!str ', '!custom ', '\u0000', '\ufeff', '\ud800', '😀', '%YAML 1.1\n', '? ', 'key: value\n', '  ', '\n'];

export const junkArb: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...JUNK), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }));

export interface Mutation {
  /** Where (a fraction of the text length) and how many characters to delete; what to insert. */
  at: number;
  remove: number;
  insert: string;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 400 })),
  insert: fc.oneof(junkArb, fc.array(junkArb, { maxLength: 6 }).map((parts) => parts.join('')), manifestArb),
});

/** A file: several manifests joined by markers, then mutated. */
export const fileArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(manifestArb, { minLength: 1, maxLength: 6 }), fc.array(mutationArb, { maxLength: 4 }))
  .map(([docs, mutations]) => mutations.reduce(applyMutation, docs.join('---\n')));

export function applyMutation(text: string, mutation: Mutation): string {
  const at = Math.floor(mutation.at * text.length);
  return text.slice(0, at) + mutation.insert + text.slice(Math.min(text.length, at + mutation.remove));
}
