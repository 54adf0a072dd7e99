import * as l10n from '@vscode/l10n';
import type { Finding } from '../findings';

/** What a check that threw on a document becomes: a finding, never an exception out of the language service. */
export function validatorFailure(check: string, error: unknown): Omit<Finding, 'range'> {
  return {
    severity: 'error',
    code: 'internal/validator-failed',
    message: l10n.t("Drydock's {0} check failed on this document: {1}. Please report it.", check, (error as Error).message),
  };
}
