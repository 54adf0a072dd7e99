/**
 * The preview model's Services and their endpoints (PreviewModel.services).
 * Types only, plain JSON (see preview.ts).
 */

import type { SourceLocation } from './sourceLocation';

export interface ServiceEndpoint {
  /** "namespace/name" of the pod. */
  pod: string;
  port: number;
  ready: boolean;
}

export interface ServicePort {
  name: string;
  port: number;
  protocol: string;
  targetPort?: number | string;
  endpoints: ServiceEndpoint[];
}

export interface PreviewService {
  namespace: string;
  name: string;
  type?: string;
  ports: ServicePort[];
  source?: SourceLocation | null;
  /** A file-scope preview: the workloads of other workspace files whose pods the selector picks (`Kind ns/name`); they are not in this run. */
  podsElsewhere?: string[];
}
