import * as l10n from '@vscode/l10n';
import type { PodPlacer } from './types';

/**
 * A placer for when no cluster is given: every pod fits, on a node called "(any node)". The rollout
 * then follows the pure controller arithmetic, as in rollout.md's worked examples.
 */
export function unboundedPlacer(): PodPlacer {
  return {
    place: () => ({ node: '(any node)', message: l10n.t('no cluster given: every pod is assumed to fit') }),
    remove: () => undefined,
  };
}
