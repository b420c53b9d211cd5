import type {Plugin} from 'esbuild';

export const MAY_BE_EMOJI: RegExp;
export function applyPatches(path: string, contents: string): {contents: string; error?: undefined} | {error: string; contents?: undefined};
export const dependencyPatches: Plugin;
