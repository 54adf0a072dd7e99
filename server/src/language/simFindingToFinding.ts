import { shiftRange, type Finding } from './findings';
import { locate } from './parse/locate';
import type { ParsedDocument } from './parse/parsedDocument';
import type { SimFinding } from '../simulator/model/source';

/**
 * A simulator finding (object + field path) as a language Finding (a range in the file): the
 * path is prefixed with the object's own path in its document (`['items', 3]` for a List item),
 * located in the parsed YAML (a missing field lands on its nearest existing parent), and the
 * chunk-relative range is shifted to file coordinates.
 *
 * `doc` is `parsed.documents[finding.source.document]` of the file `finding.source.file`.
 */
export function simFindingToFinding(finding: SimFinding, doc: ParsedDocument): Finding {
  const location = locate(doc, [...finding.source.path, ...finding.path]);
  return {
    range: shiftRange(location.range, doc.chunk.line),
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
  };
}
