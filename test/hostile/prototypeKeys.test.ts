import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lspClient';
import { runCli } from '../helpers/runCli';

/**
 * Names every JavaScript object inherits. A kind, a command or an action read from the user and
 * looked up in one of our tables must find "no entry" for them, not a function of Object.prototype
 * (`kind: constructor` once failed seven rules with "path is not iterable"; `drydock constructor` and a
 * kustomization of `kind: constructor` ended in an internal error).
 */
const INHERITED = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', 'isPrototypeOf'];

/** Every place a manifest's word is looked up by name: kinds, quantities, ports, policy actions, CEL functions. */
function manifests(name: string): string {
  return `apiVersion: v1
kind: ${name}
metadata: {name: odd}
spec: {}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      nodeSelector: {${name}: x}
      containers:
      - name: c
        image: nginx
        ports: [{name: http, containerPort: 80, protocol: ${name}}]
        resources: {requests: {cpu: 1${name}, ${name}: 1}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {type: ${name}, selector: {app: web}, ports: [{port: 80, targetPort: ${name}}]}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: p}
spec:
  matchConstraints: {resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [services]}]}
  validations: [{expression: "object.${name}() == 1 || ${name}(object)"}]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: b}
spec: {policyName: p, validationActions: [${name}, Warn]}
`;
}

const internal = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => String(d.code).startsWith('internal/')).map((d) => d.message);

describe('names Object.prototype carries, in the editor', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.dispose();
  });

  for (const name of INHERITED) {
    it(`${name}: validated, dry-run and cross-checked without an internal error`, async () => {
      const uri = `file:///prototype/${name}.yaml`;
      const first = await client.open(uri, manifests(name));
      // The dry run has reported once the Deployment's pods are unschedulable (no node has the label).
      const settled = await client.diagnosticsUntil(uri, (diagnostics) => diagnostics.some((d) => d.code === 'sim/unschedulable'), first);
      assert.deepEqual(internal(settled), []);
      assert.ok(settled.some((d) => d.code === 'schema/unknown-kind'), 'the odd kind is reported as unknown');
      const fixes = await client.codeActions(uri, settled[0].range, [{ ...settled[0], code: name }]);
      assert.ok(Array.isArray(fixes), 'a diagnostic coded with the name gets an answer, not an error');
    });
  }
});

describe('names Object.prototype carries, on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-prototype-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const name of INHERITED) {
    it(`drydock ${name} is an unknown command`, async () => {
      const run = await runCli([name]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, new RegExp(`^drydock: unknown command ${name}\\n`));
    });

    it(`${name}: check, simulate and a kustomization of that kind end without an internal error`, async () => {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, manifests(name));
      const overlay = join(dir, `overlay-${name}`);
      const kustomization = join(overlay, 'kustomization.yaml');
      rmSync(overlay, { recursive: true, force: true });
      mkdirSync(overlay);
      writeFileSync(kustomization, `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: ${name}\nresources: []\n`);
      for (const args of [['check', file], ['simulate', file], ['check', '--no-cross-resource', kustomization]]) {
        const run = await runCli(args);
        assert.doesNotMatch(run.stdout + run.stderr, /internal/, `drydock ${args.join(' ')}`);
        assert.ok(run.code === 0 || run.code === 1, `drydock ${args.join(' ')}: exit ${run.code}, not a failure (2)\n${run.stderr}`);
      }
    });
  }
});
