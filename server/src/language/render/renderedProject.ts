import type { ParsedFile } from '../parse/parseFile';

/** What made one rendered object, as the tool's output tells it. */
export interface RenderedObjectOrigin {
  /** The file the object was written in (a chart's template, a kustomize resource), absolute; undefined when the tool does not say. */
  file?: string;
  /** Helm: which of the objects rendered from `file` this is (0-based, in output order). */
  indexInFile: number;
  /** Kustomize: the kustomizations whose transformers (patches, labels, images…) changed the object, absolute. */
  configuredIn: readonly string[];
  /** Kustomize: the generator that made the object (`ConfigMapGenerator`, `SecretGenerator`), when one did. */
  generatedBy?: string;
}

/**
 * A chart or an overlay as its tool rendered it: the objects that would be applied (the output, minus
 * the annotations Drydock asked for to trace origins) and, per document, where it came from.
 */
export interface RenderedProject {
  kind: 'helm' | 'kustomize';
  /** The chart's or the kustomization's directory, absolute. */
  root: string;
  /** The values files the chart was rendered with (absolute; the chart's own values.yaml first). */
  valuesFiles: readonly string[];
  parsed: ParsedFile;
  /** One per document of `parsed`. */
  origins: readonly RenderedObjectOrigin[];
}
