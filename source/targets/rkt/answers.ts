// The rkt target's answers and their defaults.
export interface RktOptions {
	/** dockerAuth for docker:// images; auth (domains, basic) for HTTPS/ACI fetches. */
	kind: 'dockerAuth' | 'auth';
}

export function rktDefaults(): RktOptions {
	return {kind: 'dockerAuth'};
}
