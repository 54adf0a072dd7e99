import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { isTemplatePlaceholder, labelValue, qualifiedName } from '../facts/nameFormats';
import { defineDocumentRule } from '../defineRule';
import { metadataPathsOf } from '../objects/metadataPaths';
import { valueAt } from '../objects/podSpecs';

/** Label keys and values, and annotation keys, must have the formats the API server accepts. */
export const labelFormat = defineDocumentRule(
  { code: 'api/label-format', defaultSeverity: 'error', category: 'api-server', summary: 'Label keys and values, and annotation keys, must be valid qualified names and label values (at most 63 characters).' },
  (target, report) => {
    for (const metadata of metadataPathsOf(target.object)) {
      for (const field of ['labels', 'annotations'] as const) {
        const map = valueAt(target.object, [...metadata, field]);
        if (!isPlainObject(map)) continue;
        for (const [key, value] of Object.entries(map)) {
          if (isTemplatePlaceholder(key) || (typeof value === 'string' && isTemplatePlaceholder(value))) continue;
          const keyReasons = qualifiedName(key);
          if (keyReasons.length) report([...metadata, field, key], field === 'labels' ? l10n.t('Invalid label key `{0}`: {1}.', key, keyReasons.join('; ')) : l10n.t('Invalid annotation key `{0}`: {1}.', key, keyReasons.join('; ')), { target: 'key' });
          if (field === 'labels' && typeof value === 'string') {
            const valueReasons = labelValue(value);
            if (valueReasons.length) report([...metadata, field, key], l10n.t('Invalid label value `{0}`: {1}.', value, valueReasons.join('; ')));
          }
        }
      }
    }
  },
);
