// An artifact's written content computed when something first reads it, once. The preview shows
// the masked text (or an archive's listing) on every keystroke; the file's own text and bytes
// are read only by apply, --dry-run/--json, a revealed preview and the tests, so a planner whose
// content is costly (the Butane YAML, the Mesos archive's gzip) leaves it to them. The value is
// the same whenever it is read: `compute` is pure and sees only what plan() saw.
import type {Artifact} from '../plan-types.js';

type Content = Pick<Artifact, 'text' | 'bytes'>;

/** Replaces artifact.text and artifact.bytes by properties that compute `content` on first read. */
export function lazyContent(artifact: Artifact, content: () => Content): Artifact {
	let computed: Content | undefined;
	const read = () => {
		computed ??= content();
		return computed;
	};
	for (const key of ['text', 'bytes'] as const) {
		Object.defineProperty(artifact, key, {
			enumerable: true,
			configurable: true,
			get: () => read()[key],
			// A view that sets the field (as setup-plan.ts does with redacted) gets a plain value.
			set(value: unknown) {
				Object.defineProperty(artifact, key, {value, writable: true, enumerable: true, configurable: true});
			},
		});
	}
	return artifact;
}
