export function quantile(samples: number[], q: number): number;
export function median(samples: number[]): number;
export function summary(samples: number[], unit?: string, digits?: number): string;
