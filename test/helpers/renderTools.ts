import { ensureRenderTools } from '../../scripts/renderTools';

/**
 * The real helm and kubectl for the render tests (unpacked once by scripts/renderTools.ts), or the one
 * reason they cannot run here, for `test(name, { skip })`.
 */
export const RENDER_TOOLS = ensureRenderTools();
export const RENDER_SKIP: string | undefined = 'skip' in RENDER_TOOLS ? `real helm/kubectl unavailable: ${RENDER_TOOLS.skip}` : undefined;

/** The tools' paths (only call in a test that is not skipped). */
export function renderTools(): { helm: string; kubectl: string } {
  if ('skip' in RENDER_TOOLS) throw new Error(RENDER_TOOLS.skip);
  return RENDER_TOOLS;
}

/** An environment in which the CLI finds no helm, kubectl or kustomize (nor the variables naming them). */
export function envWithoutTools(): NodeJS.ProcessEnv {
  const { DRYDOCK_HELM: _h, DRYDOCK_KUSTOMIZE: _k, ...env } = process.env;
  return { ...env, PATH: '' };
}
