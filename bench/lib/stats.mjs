// Median and spread for benchmark samples.
export function quantile(samples, q) {
	const sorted = [...samples].sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	const position = (sorted.length - 1) * q;
	const low = Math.floor(position);
	const high = Math.ceil(position);
	return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export const median = samples => quantile(samples, 0.5);

/** "123.4 ms (min 120.1, max 130.2, n 15)" */
export function summary(samples, unit = 'ms', digits = 1) {
	const f = value => value.toFixed(digits);
	return `median ${f(median(samples))} ${unit} (min ${f(Math.min(...samples))}, p25 ${f(quantile(samples, 0.25))}, p75 ${f(quantile(samples, 0.75))}, max ${f(Math.max(...samples))}, n ${samples.length})`;
}
