import * as l10n from '@vscode/l10n';
import { crdErrorsToProblems } from '../crd/crdErrorToFinding';
import type { CrdRegistry } from '../crd/crdRegistry';
import type { CustomResourceSchema } from '../crd/customResourceSchema';
import { compareFindings, shiftRange, type Finding } from '../findings';
import { isPlainObject } from '../manifests';
import { locate } from '../parse/locate';
import type { ParsedFile } from '../parse/parseFile';
import { DRYDOCK_CONFIG_SCHEMA } from './drydockConfigSchema';

/** The configuration's schema in the shape the CRD validator takes (it compiles and caches it like any other). */
const CONFIG_SCHEMA: CustomResourceSchema = { apiVersion: '', kind: '.drydock.yaml', namespaced: false, crdName: '', file: '', schema: DRYDOCK_CONFIG_SCHEMA };

/** Keys of the VS Code settings that name programs to run: a repository never chooses them. */
const MACHINE_SETTINGS: ReadonlyArray<{ path: [string, string]; setting: string }> = [
  { path: ['helm', 'path'], setting: 'drydock.helm.path (or DRYDOCK_HELM, --helm)' },
  { path: ['kustomize', 'command'], setting: 'drydock.kustomize.command (or DRYDOCK_KUSTOMIZE, --kustomize)' },
];

/**
 * Validates a `.drydock.yaml` against its schema (drydockConfigSchema.ts) with the validator that
 * checks custom resources, so its findings read alike: `config/unknown-field` (with "did you mean"),
 * `config/type`, `config/enum`; and `config/machine-setting` where it names a program to run. YAML
 * problems come from the parse. Only the first document is read. Findings in file coordinates.
 */
export function validateDrydockConfig(parsed: ParsedFile, validator: CrdRegistry): Finding[] {
  const findings: Finding[] = parsed.documents.flatMap((doc) => doc.findings.map((finding) => ({ ...finding, range: shiftRange(finding.range, doc.chunk.line) })));
  const doc = parsed.documents.find((d) => d.value !== undefined && d.value !== null);
  if (!doc) return findings.sort(compareFindings);
  const value = doc.value;
  const machine = MACHINE_SETTINGS.filter(({ path: [section, key] }) => isPlainObject(value) && isPlainObject(value[section]) && value[section][key] !== undefined);
  for (const { path, setting } of machine) {
    findings.push({
      range: shiftRange(locate(doc, path, 'key').range, doc.chunk.line),
      severity: 'warning',
      code: 'config/machine-setting',
      message: l10n.t('`{0}` names a program to run: it is a setting of each machine ({1}), not read from .drydock.yaml.', path.join('.'), setting),
    });
  }
  for (const problem of crdErrorsToProblems(validator.validate(CONFIG_SCHEMA, value), value, '.drydock.yaml', false)) {
    const onMachineSetting = machine.some(({ path }) => path.every((segment, index) => problem.path[index] === segment) || (problem.path.length === 1 && problem.path[0] === 'kustomize' && path[0] === 'kustomize'));
    if (onMachineSetting && problem.finding.code === 'schema/unknown-field') continue;
    findings.push({ ...problem.finding, code: problem.finding.code.replace(/^schema\//, 'config/'), range: shiftRange(locate(doc, problem.path, problem.target).range, doc.chunk.line) });
  }
  return findings.sort(compareFindings);
}
