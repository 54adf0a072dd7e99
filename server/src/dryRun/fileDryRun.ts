import type { Finding } from '../language/findings';
import { isManifestFile, manifestsOf } from '../language/manifests';
import { ChunkCache } from '../language/parse/chunkCache';
import { takeParse, type HandedParse } from '../language/parse/handedParse';
import { parseFile, type ParsedFile } from '../language/parse/parseFile';
import { simFindingToFinding } from '../language/simFindingToFinding';
import type { Manifest, SimFinding } from '../simulator/model/source';
import type { SimulateOptions } from '../simulator/simulate';
import { dryRun } from './dryRun';
import { singleNodeFailureFindings } from './singleNodeFailure';

/** A file's text as the dry run reads it (the open document, the cluster profile, a baseline). */
export interface FileText {
  uri: string;
  text: string;
}

/**
 * One editor dry run: a document on its own, with the cluster profile and its rollout baseline, all
 * as text (cheap to hand to a worker thread; parsed where the run happens).
 */
export interface FileDryRunJob {
  document: FileText;
  /** null: the embedded default cluster. */
  cluster: FileText | null;
  /** null: no rollouts. */
  baseline: FileText | null;
  /** Objects of other files the document's pods need (`storageContext`: the workspace's claims, volumes, classes). */
  context: Manifest[];
  /** The document's parse as validation made it (its first run only): the runner takes it instead of parsing the text again. */
  parse?: HandedParse;
  limits: SimulateOptions;
  /** `drydock.whatif.singleNodeFailure`: also report the workloads one node's failure leaves without a ready pod (absent: off). */
  singleNodeFailure?: boolean;
}

/** A dry-run finding and where it lands in the document's text (which the run was handed). */
export interface LocatedSimFinding {
  sim: SimFinding;
  /** The finding with its range in the document; null when it is about another file (the cluster profile). */
  located: Finding | null;
}

/**
 * Parses kept between runs by whoever runs them (a worker, a server): a document's chunk cache, so an
 * edit re-parses only the YAML documents it touched, and the last parse of each other text.
 */
export class DryRunParses {
  private readonly chunks = new Map<string, ChunkCache>();
  private readonly lastText = new Map<string, { text: string; parsed: ParsedFile; manifests: Manifest[] }>();

  /**
   * The parse and manifests of a text; `key` tells apart two versions of one file (a document and its
   * baseline). `handed`: the parse of this very text made elsewhere, taken instead of parsing when
   * nothing is kept for `key` yet (a document's first run).
   */
  read(file: FileText, key: string = file.uri, handed?: HandedParse): { parsed: ParsedFile; manifests: Manifest[] } {
    const last = this.lastText.get(key);
    if (last && last.text === file.text) return last;
    let chunks = this.chunks.get(key);
    const first = !chunks;
    if (!chunks) {
      chunks = new ChunkCache();
      this.chunks.set(key, chunks);
    }
    const parsed = first && handed ? takeParse(file.text, handed, chunks) : parseFile(file.text, chunks);
    const entry = { text: file.text, parsed, manifests: manifestsOf(file.uri, parsed) };
    this.lastText.set(key, entry);
    return entry;
  }

  /** Forget a document (closed): its cache would only hold memory. */
  forget(uri: string): void {
    for (const key of [uri, baselineKey(uri)]) {
      this.chunks.delete(key);
      this.lastText.delete(key);
    }
  }
}

/**
 * Runs one editor dry run: the findings of every object of the document, each located in its text
 * (so the thread that publishes them builds no YAML tree). Pure but for the parse caches.
 */
export function runFileDryRun(job: FileDryRunJob, parses: DryRunParses): LocatedSimFinding[] {
  const document = parses.read(job.document, job.document.uri, job.parse);
  if (!isManifestFile(document.parsed)) return []; // a docker-compose file, a CI workflow: not ours
  const cluster = job.cluster ? parses.read(job.cluster).manifests : null;
  const baseline = job.baseline ? baselineManifests(job.baseline, job.document, document.manifests, parses) : null;
  const manifests = job.context.length ? [...document.manifests, ...job.context] : document.manifests;
  const run = dryRun({ manifests, cluster, baseline, simulateOptions: job.limits });
  const findings = job.singleNodeFailure ? [...run.findings, ...singleNodeFailureFindings(run, { manifests, cluster, simulateOptions: job.limits })] : run.findings;
  return findings.map((sim) => {
    const doc = sim.source.file === job.document.uri ? document.parsed.documents[sim.source.document] : undefined;
    return { sim, located: doc ? simFindingToFinding(sim, doc) : null };
  });
}

/**
 * The baseline's objects. It is another version of the document itself, parsed apart from the
 * document; the same text (a file opened as saved, or as committed) is the document's own objects:
 * the parse is not done twice, and `changedDeployments` sees the same specs.
 */
function baselineManifests(baseline: FileText, document: FileText, documentManifests: Manifest[], parses: DryRunParses): Manifest[] {
  if (baseline.uri === document.uri && baseline.text === document.text) return documentManifests;
  return parses.read(baseline, baselineKey(baseline.uri)).manifests;
}

function baselineKey(uri: string): string {
  return `baseline\u0000${uri}`;
}
