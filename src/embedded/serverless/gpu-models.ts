/** One GPU model a container may ask for in `desiredGPUs`, by `code`. */
export interface GpuModel {
  code: string;
  name: string;
}

const named = (prefix: string, codes: readonly string[]): GpuModel[] => codes.map((code) => ({ code, name: `Nvidia ${prefix}${code}` }));
/** `3060ti` -> `Nvidia rtx-3060-ti`: consumer cards carry their series and a dashed `ti`. */
const consumer = (series: string, codes: readonly string[]): GpuModel[] =>
  codes.map((code) => ({ code, name: `Nvidia ${series}-${code.replace(/ti$/, '-ti')}` }));

/**
 * The 25 models Quasarch lists (shared specs README), in its order: data-centre cards by code,
 * the Tesla ones with their family, then RTX 30 and GTX 10 series.
 */
export const GPU_MODELS: readonly GpuModel[] = Object.freeze(
  [
    ...named('', ['h100', 'a100', 'a40', 'a16', 't4', 'v100']),
    ...named('tesla-', ['p4', 'p100', 'k80']),
    ...consumer('rtx', ['3050', '3060', '3060ti', '3070', '3070ti', '3080', '3080ti', '3090', '3090ti']),
    ...consumer('gtx', ['1050', '1050ti', '1060', '1070', '1070ti', '1080', '1080ti']),
  ].map((model) => Object.freeze(model)),
);

const CODES: ReadonlySet<string> = new Set(GPU_MODELS.map((model) => model.code));

/** Whether `code` names a listed model (exactly: codes are lowercase). */
export function isGpuModelCode(code: string): boolean {
  return CODES.has(code);
}
