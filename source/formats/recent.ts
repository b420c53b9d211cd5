// A small cache of a pure function's latest results, keyed by its exact input as a string: the
// wizard re-plans on every keystroke with mostly the same answers, and a YAML document built with
// the yaml library costs about a millisecond under the wizard's V8 flags (docs/performance.md §9).
// Bounded (oldest dropped first), so a session that types many values keeps only the last few.
// Only for values without secrets: a cache must not keep every prefix of a typed password.

export function recent<Input, Output>(compute: (input: Input) => Output, key: (input: Input) => string, size = 8): (input: Input) => Output {
	const cache = new Map<string, Output>();
	return input => {
		const id = key(input);
		if (cache.has(id)) {
			const hit = cache.get(id) as Output;
			// Most recently used last, so the oldest is the first key.
			cache.delete(id);
			cache.set(id, hit);
			return hit;
		}
		const value = compute(input);
		cache.set(id, value);
		if (cache.size > size) cache.delete(cache.keys().next().value as string);
		return value;
	};
}
