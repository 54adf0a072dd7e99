import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/runCli';

/** `drydock check` runs the ValidatingAdmissionPolicies among its inputs on the other inputs. */
const FIX = 'test/fixtures/policy';

const cases: Array<{ name: string; args: string[]; code: number; stdout: RegExp[]; absent?: RegExp }> = [
  {
    name: 'a Deny binding is an error (params, namespace selector, messageExpression), a Warn binding a warning',
    args: ['check', FIX],
    code: 1,
    stdout: [
      /^test\/fixtures\/policy\/app\.yaml:18:9: error policy\/replicalimit-policy\.example\.com object\.spec\.replicas must be no greater than 3$/m,
      /^test\/fixtures\/policy\/app\.yaml:18:9: warning policy\/image-registry\.example\.com images must come from registry\.example\.com$/m,
      /^2 file\(s\) checked: 1 error\(s\), 1 warning\(s\), 1 note\(s\)$/m,
    ],
  },
  {
    name: 'the policies and the objects they check can be separate inputs',
    args: ['check', `${FIX}/app.yaml`, `${FIX}/policies.yaml`],
    code: 1,
    stdout: [/^test\/fixtures\/policy\/app\.yaml:18:9: error policy\/replicalimit-policy\.example\.com /m],
  },
  {
    name: 'a namespace selector on a namespace no input defines is not guessed',
    args: ['check', `${FIX}/policies.yaml`, 'test/fixtures/check/cross-resource'],
    code: 0,
    stdout: [
      /^test\/fixtures\/check\/cross-resource\/web\.yaml:3:18: warning policy\/image-registry\.example\.com /m,
      /^test\/fixtures\/check\/cross-resource\/web\.yaml:3:18: information policy\/not-evaluated ValidatingAdmissionPolicy `replicalimit-policy\.example\.com` not evaluated on this object: binding `replicalimit-binding-test\.example\.com`: its namespaceSelector looks at the labels of namespace `default`, which no manifest defines\.$/m,
    ],
    absent: /error policy/,
  },
  {
    name: "the cluster profile's policies apply to the inputs (--cluster)",
    args: ['check', '--cluster', `${FIX}/policies.yaml`, `${FIX}/app.yaml`],
    code: 1,
    stdout: [/^test\/fixtures\/policy\/app\.yaml:18:9: error policy\/replicalimit-policy\.example\.com /m, /^1 file\(s\) checked: 1 error\(s\), 1 warning\(s\), 1 note\(s\)$/m],
  },
  {
    name: 'a profile that is also an input counts once',
    args: ['check', '--cluster', `${FIX}/policies.yaml`, FIX],
    code: 1,
    stdout: [/^2 file\(s\) checked: 1 error\(s\), 1 warning\(s\), 1 note\(s\)$/m],
  },
  { name: 'a missing profile exits 2', args: ['check', '--cluster', 'nope.yaml', `${FIX}/app.yaml`], code: 2, stdout: [/^$/] },
  { name: '--no-cross-resource leaves them out', args: ['check', '--no-cross-resource', FIX], code: 0, stdout: [/^2 file\(s\) checked: 0 error\(s\), 0 warning\(s\), 1 note\(s\)$/m], absent: / policy\// },
];

for (const c of cases) {
  test(`cli check policies: ${c.name}`, async () => {
    const run = await runCli(c.args);
    assert.equal(run.code, c.code, run.stdout + run.stderr);
    for (const pattern of c.stdout) assert.match(run.stdout, pattern);
    if (c.absent) assert.doesNotMatch(run.stdout, c.absent);
  });
}

test('cli check policies: JSON output carries the policy codes', async () => {
  const run = await runCli(['check', '--format', 'json', FIX]);
  const { files } = JSON.parse(run.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string; severity: string; range: { start: { line: number } } }> }> };
  const app = files.find((f) => f.path.endsWith('app.yaml'));
  assert.deepEqual(
    app?.diagnostics.filter((d) => d.code.startsWith('policy/')).map((d) => [d.severity, d.code, d.range.start.line]),
    [
      ['error', 'policy/replicalimit-policy.example.com', 17],
      ['warning', 'policy/image-registry.example.com', 17],
    ],
  );
});
