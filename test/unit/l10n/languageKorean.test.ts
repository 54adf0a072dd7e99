import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, yaml } from '../../helpers/validate';
import { useLocale } from '../../../server/src/l10nFiles';

/**
 * Issue #17: with the Korean bundle (l10n/bundle.l10n.ko.json) the language service's diagnostics
 * read in Korean, while Kubernetes' own words (kinds, field names, apiVersions, the API server's
 * reasons, the YAML parser's message) and the codes stay as they are. Each case is checked in
 * English too, after switching back, so that a bundle that failed to load cannot pass.
 */
const template = ['  selector: {matchLabels: {app: web}}', '  template:', '    metadata: {labels: {app: web}}', '    spec: {containers: [{name: c, image: "nginx:1.27"}]}'];

const cases: Array<{ name: string; text: string; code: string; en: string; ko: string }> = [
  {
    name: 'a schema error (an unknown field, with a suggestion)',
    text: yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replica: 2', ...template),
    code: 'schema/unknown-field',
    en: '`replica` is not a field of DeploymentSpec - did you mean `replicas`?',
    ko: '`replica`은(는) DeploymentSpec의 필드가 아닙니다 — 혹시 `replicas`을(를) 의도했습니까?',
  },
  {
    name: 'a schema error (a YAML 1.1 boolean where a string goes)',
    text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: web, labels: {enabled: yes}}'),
    code: 'schema/type',
    en: 'Expected a string, got a boolean: `yes` is a boolean in YAML 1.1, which Kubernetes reads. Quote it ("yes") to make it a string.',
    ko: '문자열이(가) 와야 하지만 불리언입니다: 쿠버네티스가 읽는 YAML 1.1에서 `yes`은(는) 불리언입니다. 문자열로 만들려면 따옴표로 감싸십시오 ("yes").',
  },
  {
    name: 'a removed apiVersion, with its replacement',
    text: yaml('apiVersion: extensions/v1beta1', 'kind: Ingress', 'metadata: {name: web}'),
    code: 'schema/unknown-api-version',
    en: '`extensions/v1beta1` `Ingress` is not served by Kubernetes 1.36 (removed in Kubernetes 1.22) - use `networking.k8s.io/v1`.',
    ko: '쿠버네티스 1.36은(는) `extensions/v1beta1` `Ingress`을(를) 제공하지 않습니다 (쿠버네티스 1.22에서 제거됨) — `networking.k8s.io/v1`을(를) 사용하십시오.',
  },
  {
    name: "an api/* rule, the API server's reason kept in its words",
    text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: Web_App}'),
    code: 'api/name-format',
    en: "Invalid name `Web_App` for a ConfigMap: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com').",
    ko: "ConfigMap에 잘못된 이름 `Web_App`: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com').",
  },
  {
    name: 'an api/* rule naming the container and the field',
    text: yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', 'spec: {containers: [{name: c}]}'),
    code: 'api/missing-image',
    en: 'Container `c` has no `image`: the API server rejects it (Required value).',
    ko: '컨테이너 `c`에 `image`가 없습니다: API 서버가 이를 거부합니다 (Required value).',
  },
  {
    name: "a YAML syntax error, the parser's message kept",
    text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: web', 'data: {}'),
    code: 'yaml/syntax',
    en: 'YAML syntax error: Block collections are not allowed within flow collections',
    ko: 'YAML 구문 오류: Block collections are not allowed within flow collections',
  },
  {
    name: 'a duplicate key',
    text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: web}', 'data: {a: "1"}', 'data: {b: "2"}'),
    code: 'yaml/duplicate-key',
    en: 'Duplicate key `data`: a mapping may hold each key once (Kubernetes rejects the document).',
    ko: '키 `data`이(가) 중복됩니다: 매핑에는 각 키가 한 번만 있을 수 있습니다 (쿠버네티스는 이 문서를 거부합니다).',
  },
];

const messageOf = (text: string, code: string): string | undefined => check(text).find((f) => f.code === code)?.message;

for (const c of cases) {
  test(`l10n ko: ${c.name} (${c.code})`, () => {
    try {
      assert.ok(useLocale('ko'), 'the Korean bundle is found');
      assert.equal(messageOf(c.text, c.code), c.ko);
    } finally {
      useLocale('en');
    }
    assert.equal(messageOf(c.text, c.code), c.en);
  });
}
