// Definitions for Kubernetes value types the client models flatten to `string` (or a custom TS
// type): resource quantities, int-or-string, and base64 bytes. Emitted once per file and `$ref`ed.
import type { SchemaNode } from './types';

export const QUANTITY = 'Quantity';
export const INT_OR_STRING = 'IntOrString';
export const BASE64 = 'Base64';

export const ref = (definition: string): SchemaNode => ({ $ref: `#/definitions/${definition}` });

/**
 * Quantity strings, as `resource.ParseQuantity` accepts them: an optionally signed decimal number
 * (`1`, `1.5`, `1.`, `.5`), then at most one suffix: binary SI (`Ki` … `Ei`), decimal SI
 * (`n`, `u`, `m`, `k`, `M`, `G`, `T`, `P`, `E`) or a decimal exponent with an integer power (`e3`,
 * `E-2`). The grammar comment in quantity.go lists the decimal SI suffixes without `n` and `u` and
 * writes the exponent as a signed number; the parser (and the suffix table it uses) accepts `n`/`u`
 * and only integer exponents, and the parser is what the API server runs.
 */
export const QUANTITY_PATTERN = '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?[0-9]+)?$';

/**
 * Standard (padded) base64, the encoding Go's encoding/json uses for []byte. Go's decoder skips
 * `\r` and `\n`, so line-wrapped base64 (a YAML block scalar) is accepted too.
 */
const B64_CHAR = '[A-Za-z0-9+/][\\r\\n]*';
export const BASE64_PATTERN =
  `^[\\r\\n]*(?:(?:${B64_CHAR}){4})*(?:(?:${B64_CHAR}){2}=[\\r\\n]*=|(?:${B64_CHAR}){3}=)?[\\r\\n]*$`;

export function sharedDefinitions(): Record<string, SchemaNode> {
  return {
    [QUANTITY]: {
      description:
        'Resource quantity (Kubernetes resource.Quantity): a number, or a string made of a decimal number and an optional suffix, e.g. "500m", "0.5", "2Gi", "128974848", "129e6", "1.5G".',
      anyOf: [{ type: 'number' }, { type: 'string', pattern: QUANTITY_PATTERN }],
    },
    [INT_OR_STRING]: {
      description: 'Integer or string (Kubernetes intstr.IntOrString), e.g. a port number 8080 or a port name "http", or "25%".',
      anyOf: [{ type: 'integer' }, { type: 'string' }],
    },
    [BASE64]: {
      description: 'Base64-encoded bytes (standard alphabet, padded).',
      type: 'string',
      pattern: BASE64_PATTERN,
    },
  };
}
