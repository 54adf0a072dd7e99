import type * as Yaml from 'yaml';

/**
 * The `yaml` library, loaded when first needed: ordinary manifests take the fast parser and never
 * need it, so a CLI run or a server start does not pay for loading it (Node caches the module).
 */
export function yamlLibrary(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate lazy load
  return require('yaml') as typeof Yaml;
}
